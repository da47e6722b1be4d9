package app.atelier.ui.images;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The style pane: one row per painting with its blend weight, and a drop zone that adds more. */
public final class StylePane extends VBox {

    private final StyleImagesViewModel model;
    private final VBox rows = new VBox(6);
    private final ImageDropZone dropZone;

    public StylePane(StyleImagesViewModel model) {
        this.model = model;
        setId("style-pane");
        getStyleClass().add("image-pane");

        Label title = new Label("Style");
        title.getStyleClass().add("pane-title");

        rows.setId("style-rows");

        Label hint = new Label("Drop paintings here\nor click to add", new FontIcon(MaterialDesignP.PALETTE_OUTLINE));
        hint.getStyleClass().add("drop-hint");
        hint.setContentDisplay(ContentDisplay.LEFT);
        VBox drop = new VBox(hint);
        drop.setAlignment(Pos.CENTER);
        drop.setId("style-drop");
        drop.getStyleClass().add("drop-zone");
        drop.setMinHeight(64);
        Tooltip.install(drop, new Tooltip("Drop, paste (Ctrl+V) or click to add style paintings; several are blended by weight"));
        dropZone = ImageDropZone.install(drop, model::offer, true);

        Label message = new Label();
        message.setId("style-message");
        message.getStyleClass().add("pane-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().addAll(title, rows, drop, message);
        setSpacing(6);

        model.entries().addListener((ListChangeListener<StyleEntry>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= !change.wasUpdated();
            }
            if (structural) {
                rebuildRows();
            }
        });
        rebuildRows();
    }

    private void rebuildRows() {
        List<StyleEntry> entries = model.entries();
        rows.getChildren().setAll(entries.stream().map(entry -> new StyleRow(entry, entries.indexOf(entry),
                () -> model.remove(entry), requests -> model.replace(entry, requests))).toList());
    }

    public ImageDropZone dropZone() {
        return dropZone;
    }

    static Button iconButton(String id, FontIcon icon, String tip) {
        return ContentPane.iconButton(id, icon, tip);
    }
}
