package app.atelier.ui.history;

import app.atelier.settings.Pictures;
import app.atelier.settings.RenderSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** Two kept renders side by side: their pictures and key settings, the settings that differ in bold. FX thread. */
public final class HistoryCompareDialog {

    private static final int PICTURE_SIDE = 420;
    private static final Map<String, Function<HistoryEntry, String>> KEY_SETTINGS = keySettings();

    private HistoryCompareDialog() {
    }

    public static Dialog<Void> show(Window owner, HistoryEntry left, HistoryEntry right) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.NONE);
        dialog.setTitle("Compare renders");
        dialog.getDialogPane().setId("history-compare-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        HBox sides = new HBox(16, side(left, right), side(right, left));
        sides.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(sides);
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    private static VBox side(HistoryEntry entry, HistoryEntry other) {
        ImageView picture = new ImageView(new Image(entry.picture().toUri().toString(), PICTURE_SIDE, PICTURE_SIDE, true, true, true));
        picture.getStyleClass().add("compare-picture");
        Label title = new Label(entry.summary());
        title.getStyleClass().add("compare-title");
        title.setWrapText(true);
        title.setMaxWidth(PICTURE_SIDE);
        GridPane settings = new GridPane();
        settings.setHgap(10);
        settings.setVgap(2);
        int row = 0;
        for (Map.Entry<String, Function<HistoryEntry, String>> setting : KEY_SETTINGS.entrySet()) {
            String value = setting.getValue().apply(entry);
            Label name = new Label(setting.getKey());
            name.getStyleClass().add("compare-name");
            Label shown = new Label(value);
            shown.getStyleClass().add("compare-value");
            if (!value.equals(setting.getValue().apply(other))) {
                shown.getStyleClass().add("compare-differs");
                shown.setStyle("-fx-font-weight: bold;");
            }
            settings.addRow(row++, name, shown);
        }
        VBox side = new VBox(8, title, picture, settings);
        side.getStyleClass().add("compare-side");
        return side;
    }

    private static Map<String, Function<HistoryEntry, String>> keySettings() {
        Map<String, Function<HistoryEntry, String>> rows = new LinkedHashMap<>();
        rows.put("Pictures", HistoryEntry::title);
        rows.put("Backbone", entry -> settings(entry).backbone());
        rows.put("Size", entry -> settings(entry).size() + " px");
        rows.put("Iterations", entry -> entry.shown().iteration() + " of " + entry.totalIterations());
        rows.put("Content weight α", entry -> number(settings(entry).alpha()));
        rows.put("Style weight β", entry -> number(settings(entry).beta()));
        rows.put("Smoothness (TV)", entry -> number(settings(entry).tvWeight()));
        rows.put("Learning rate", entry -> number(settings(entry).learningRate()));
        rows.put("Optimiser", entry -> settings(entry).quality().optimizer());
        rows.put("Scales", entry -> String.valueOf(settings(entry).quality().scales()));
        rows.put("Start from", entry -> settings(entry).init());
        rows.put("Seed", entry -> String.valueOf(settings(entry).seed()));
        rows.put("Style layers", entry -> String.join(", ", settings(entry).styleLayers().stream()
                .filter(RenderSettings.LayerSetting::enabled).map(RenderSettings.LayerSetting::name).toList()));
        rows.put("Style blend", entry -> {
            Pictures pictures = entry.document().pictures();
            List<String> weights = pictures == null ? List.of()
                    : pictures.styles().stream().map(style -> number(style.weight())).toList();
            return String.join(" : ", weights);
        });
        return rows;
    }

    private static RenderSettings settings(HistoryEntry entry) {
        return entry.document().settings();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
