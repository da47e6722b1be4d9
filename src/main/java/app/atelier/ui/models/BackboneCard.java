package app.atelier.ui.models;

import app.atelier.engine.BackboneKind;
import app.atelier.model.ModelState;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** One backbone in the Models dialog: its status, what is being done, and its buttons. FX thread only. */
final class BackboneCard extends VBox {

    /** What the card's buttons ask for; the dialog supplies the file choosers and confirmations. */
    interface Actions {
        void download(BackboneKind kind);

        void cancel(BackboneKind kind);

        /** @param folder true for a folder of .npy files */
        void importWeights(BackboneKind kind, boolean folder);

        void verify(BackboneKind kind);

        void remove(BackboneKind kind);
    }

    BackboneCard(BackboneWeights weights, Actions actions) {
        String id = weights.kind().id();
        setId("models-row-" + id);
        getStyleClass().add("model-card");
        setSpacing(6);

        Label name = new Label(weights.name());
        name.getStyleClass().add("model-name");
        Label state = new Label();
        state.setId("models-state-" + id);
        state.getStyleClass().add("model-state");
        state.textProperty().bind(Bindings.createStringBinding(() -> stateText(weights.stateProperty().get()), weights.stateProperty()));
        state.graphicProperty().bind(Bindings.createObjectBinding(() -> stateIcon(weights.stateProperty().get()), weights.stateProperty()));
        weights.stateProperty().addListener((obs, old, now) -> styleState(state, now));
        styleState(state, weights.stateProperty().get());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label size = new Label();
        size.setId("models-size-" + id);
        size.getStyleClass().add("model-size");
        size.textProperty().bind(weights.sizeProperty());
        HBox title = new HBox(10, name, state, spacer, size);
        title.setAlignment(Pos.CENTER_LEFT);

        Label description = wrapped(new Label(weights.description()), "model-description");

        GridPane facts = new GridPane();
        facts.getStyleClass().add("model-facts");
        facts.setHgap(10);
        facts.setVgap(3);
        Label location = value("models-location-" + id);
        location.textProperty().bind(weights.locationProperty());
        Label source = value("models-source-" + id);
        source.setText(weights.source());
        facts.addRow(0, key("Location"), location);
        facts.addRow(1, key("Source"), source);

        Label detail = wrapped(new Label(), "model-detail");
        detail.setId("models-detail-" + id);
        detail.textProperty().bind(weights.detailProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("models-progress-" + id);
        bar.setPrefWidth(240);
        bar.progressProperty().bind(weights.progressProperty());
        Label activity = new Label();
        activity.setId("models-activity-" + id);
        activity.getStyleClass().add("model-activity");
        activity.textProperty().bind(weights.activityProperty());
        Button cancel = button("models-cancel-" + id, "Cancel", MaterialDesignC.CLOSE_CIRCLE_OUTLINE,
                "Stop the download; what has arrived is kept and a later Download resumes", () -> actions.cancel(weights.kind()));
        cancel.visibleProperty().bind(weights.downloadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox working = new HBox(10, bar, activity, cancel);
        working.setAlignment(Pos.CENTER_LEFT);
        showWhen(working, weights.busyProperty());

        Label error = wrapped(new Label(), "model-error");
        error.setId("models-error-" + id);
        error.textProperty().bind(weights.errorProperty());
        error.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        showWhen(error, weights.errorProperty().isNotEmpty());

        Button download = button("models-download-" + id, "Download", MaterialDesignD.DOWNLOAD_OUTLINE,
                weights.downloadable() ? "Download " + weights.downloadSize() + " from " + weights.source()
                        + ", check its SHA-256 and keep what style transfer needs"
                        : "No download source: import the weights instead", () -> actions.download(weights.kind()));
        download.disableProperty().bind(weights.busyProperty()
                .or(weights.stateProperty().isEqualTo(ModelState.PRESENT))
                .or(Bindings.createBooleanBinding(() -> !weights.downloadable())));
        download.getStyleClass().add("accent");
        ButtonBase importButton = importButton(weights, actions);
        importButton.disableProperty().bind(weights.busyProperty());
        Button verify = button("models-verify-" + id, "Verify", MaterialDesignS.SHIELD_CHECK_OUTLINE,
                "Check every file against its SHA-256 and every tensor's shape", () -> actions.verify(weights.kind()));
        verify.disableProperty().bind(weights.busyProperty().or(weights.stateProperty().isEqualTo(ModelState.MISSING)));
        Button remove = button("models-remove-" + id, "Remove", MaterialDesignD.DELETE_OUTLINE,
                "Delete these weights from Atelier's folder (shared folders are never touched)", () -> actions.remove(weights.kind()));
        remove.disableProperty().bind(weights.busyProperty().or(weights.removableProperty().not()));
        HBox buttons = new HBox(8, download, importButton, verify, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, description, facts, detail, working, error, buttons);
    }

    private static ButtonBase importButton(BackboneWeights weights, Actions actions) {
        String id = "models-import-" + weights.kind().id();
        if (weights.kind() != BackboneKind.SQUEEZENET1_1) {
            return button(id, "Import…", MaterialDesignF.FILE_IMPORT_OUTLINE,
                    "Import a .safetensors with torchvision's names or torchvision's .pth (read without running code from it)",
                    () -> actions.importWeights(weights.kind(), false));
        }
        MenuItem file = new MenuItem("A .safetensors or .pth file…", new FontIcon(MaterialDesignF.FILE_OUTLINE));
        file.setId(id + "-file");
        file.setOnAction(event -> actions.importWeights(weights.kind(), false));
        MenuItem folder = new MenuItem("A folder of .npy files…", new FontIcon(MaterialDesignF.FOLDER_OUTLINE));
        folder.setId(id + "-folder");
        folder.setOnAction(event -> actions.importWeights(weights.kind(), true));
        MenuButton button = new MenuButton("Import…", new FontIcon(MaterialDesignF.FILE_IMPORT_OUTLINE), file, folder);
        button.setId(id);
        button.setTooltip(new Tooltip("Import torchvision's .pth, a .safetensors, or the folder of 52 .npy files"));
        return button;
    }

    private static Button button(String id, String text, Ikon icon, String tip, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(event -> action.run());
        return button;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(condition::get, condition));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static Label wrapped(Label label, String styleClass) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(styleClass);
        return label;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("model-key");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("model-value");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    static String stateText(ModelState state) {
        return state == null ? "Checking…" : switch (state) {
            case PRESENT -> "Present";
            case MISSING -> "Missing";
            case CORRUPT -> "Corrupt";
        };
    }

    private static Node stateIcon(ModelState state) {
        if (state == null) {
            return null;
        }
        return new FontIcon(state == ModelState.PRESENT ? MaterialDesignC.CHECK_CIRCLE_OUTLINE : MaterialDesignA.ALERT_CIRCLE_OUTLINE);
    }

    private static void styleState(Label label, ModelState state) {
        label.getStyleClass().removeAll("present", "missing", "corrupt");
        if (state != null) {
            label.getStyleClass().add(state.name().toLowerCase(Locale.ROOT));
        }
    }
}
