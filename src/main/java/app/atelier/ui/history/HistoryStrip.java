package app.atelier.ui.history;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The history strip under the picture: the kept renders' thumbnails, newest first. A click brings
 * one back; its tick box (or Ctrl+click, Cmd+click) chooses up to two, and Compare shows them side by side. Beside
 * them: the disk space the history takes and the limit the user sets for it.
 */
public final class HistoryStrip extends BorderPane {

    private final HistoryViewModel history;
    private final HBox thumbnails = new HBox(6);
    private final Button compare = new Button("Compare");
    private boolean shortcutPress;

    public HistoryStrip(HistoryViewModel history) {
        this.history = history;
        setId("history-strip");
        getStyleClass().add("history-strip");
        managedProperty().bind(visibleProperty());
        visibleProperty().bind(history.shownProperty());

        Label title = new Label("History");
        title.getStyleClass().add("section-title");
        Label usage = new Label();
        usage.setId("history-usage");
        usage.getStyleClass().add("history-usage");
        usage.textProperty().bind(Bindings.createStringBinding(() -> !history.keptProperty().get() ? "Not kept in this window"
                        : history.entries().size() + (history.entries().size() == 1 ? " render · " : " renders · ")
                        + megabytes(history.bytesUsedProperty().get()) + " of " + history.limitMegabytesProperty().get() + " MB",
                history.entries(), history.bytesUsedProperty(), history.limitMegabytesProperty(), history.keptProperty()));
        Spinner<Integer> limit = new Spinner<>(1, 100_000, history.limitMegabytesProperty().get(), 50);
        limit.setId("history-limit");
        limit.setEditable(true);
        limit.setPrefWidth(90);
        limit.setTooltip(new Tooltip("The most disk space the history may take, in MB; the oldest renders go first"));
        limit.valueProperty().addListener((obs, old, value) -> {
            if (value != null && value != history.limitMegabytesProperty().get()) {
                history.setLimitMegabytes(value);
            }
        });
        history.limitMegabytesProperty().addListener((obs, old, value) -> {
            if (!value.equals(limit.getValue())) {
                limit.getValueFactory().setValue(value.intValue());
            }
        });
        HBox limitRow = new HBox(4, new Label("Limit"), limit, new Label("MB"));
        limitRow.setAlignment(Pos.CENTER_LEFT);
        compare.setId("history-compare");
        compare.setTooltip(new Tooltip("Tick two renders, then compare them side by side"));
        compare.disableProperty().bind(Bindings.size(history.selected()).lessThan(2));
        compare.setOnAction(event -> compareChosen());
        compare.setFocusTraversable(false);
        VBox side = new VBox(4, title, usage, limitRow, compare);
        side.getStyleClass().add("history-side");
        setLeft(side);

        thumbnails.setId("history-thumbnails");
        thumbnails.setAlignment(Pos.CENTER_LEFT);
        thumbnails.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(thumbnails);
        scroll.setId("history-scroll");
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("history-scroll");
        setCenter(scroll);

        history.entries().addListener((ListChangeListener<HistoryEntry>) change -> rebuild());
        history.selected().addListener((ListChangeListener<HistoryEntry>) change -> markSelected());
        rebuild();
    }

    private void rebuild() {
        thumbnails.getChildren().clear();
        if (history.entries().isEmpty()) {
            Label empty = new Label("Every render you start is kept here: click one to bring it back, tick two to compare them.");
            empty.getStyleClass().add("history-empty");
            thumbnails.getChildren().add(empty);
            return;
        }
        for (HistoryEntry entry : history.entries()) {
            thumbnails.getChildren().add(thumbnail(entry));
        }
        markSelected();
    }

    /** The thumbnail as a button (click: bring back; Ctrl+click: choose) with a tick box in its corner to choose it for Compare. */
    private StackPane thumbnail(HistoryEntry entry) {
        // Loaded in the background: a strip of many entries must not hold up the FX thread.
        ImageView view = new ImageView(new Image(entry.thumbnail().toUri().toString(), HistoryStore.THUMBNAIL_SIDE,
                HistoryStore.THUMBNAIL_SIDE, true, true, true));
        Button button = new Button(null, view);
        button.getStyleClass().add("history-picture");
        button.setTooltip(new Tooltip(entry.summary() + "\nClick to bring it back; tick (or Ctrl+click) two to compare them"));
        button.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> shortcutPress = event.isShortcutDown());
        button.setOnAction(event -> {
            boolean add = shortcutPress;
            shortcutPress = false;
            history.select(entry, add);
            if (!add) {
                history.restore(entry);
            }
        });
        CheckBox choose = new CheckBox();
        choose.getStyleClass().add("history-choose");
        choose.setTooltip(new Tooltip("Choose for Compare"));
        choose.setOnAction(event -> history.select(entry, true));
        StackPane.setAlignment(choose, Pos.TOP_RIGHT);
        StackPane.setMargin(choose, new Insets(4));
        StackPane tile = new StackPane(button, choose);
        tile.setUserData(entry);
        tile.getStyleClass().add("history-entry");
        return tile;
    }

    private void markSelected() {
        thumbnails.getChildren().forEach(node -> {
            if (node instanceof StackPane tile && tile.getUserData() instanceof HistoryEntry entry) {
                boolean chosen = history.selected().contains(entry);
                tile.getStyleClass().remove("history-selected");
                if (chosen) {
                    tile.getStyleClass().add("history-selected");
                }
                ((CheckBox) tile.getChildren().get(1)).setSelected(chosen);
            }
        });
    }

    private void compareChosen() {
        if (history.selected().size() == 2) {
            Window owner = getScene() == null ? null : getScene().getWindow();
            HistoryCompareDialog.show(owner, history.selected().get(0), history.selected().get(1));
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
