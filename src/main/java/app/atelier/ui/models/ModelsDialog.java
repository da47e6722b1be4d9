package app.atelier.ui.models;

import app.atelier.engine.BackboneKind;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.CatalogueEntry;
import app.atelier.model.ModelStore;
import java.net.URI;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The Models window of the studio, opened from the menu, or offered when the chosen backbone has
 * no weights on this machine. One window per studio, created on first use. FX thread only.
 *
 * <p>Hidden system properties, for screenshots: {@value #OPEN_AT_START} opens it when the studio
 * appears; {@value #MIRROR} downloads from that base URL (same file names, e.g. a server on this machine).
 */
public final class ModelsDialog {

    static final String OPEN_AT_START = "atelier.models.dialog";
    static final String MIRROR = "atelier.models.mirror";
    private static final String STYLESHEET = "/app/atelier/models.css";

    private final ModelsViewModel models;
    private final WeightsChooser chooser;
    private Stage stage;

    public ModelsDialog(ModelsViewModel models, WeightsChooser chooser) {
        this.models = models;
        this.chooser = chooser;
    }

    /**
     * The studio's dialog over the standard search path and the user's models folder, offered
     * whenever {@code backbone} changes to one whose weights are missing while {@code anchor} is shown.
     */
    public static ModelsDialog forStudio(Node anchor, ObservableValue<BackboneKind> backbone) {
        String mirror = System.getProperty(MIRROR, "");
        Function<BackboneKind, CatalogueEntry> catalogue = mirror.isBlank()
                ? BackboneCatalogue::entry : BackboneCatalogue.mirroredAt(URI.create(mirror));
        ModelsDialog dialog = new ModelsDialog(new ModelsViewModel(ModelStore.standard(catalogue), catalogue),
                WeightsChooser.standard());
        backbone.addListener((obs, old, kind) -> {
            if (kind != null && kind != old) {
                dialog.offerIfMissing(kind, windowOf(anchor));
            }
        });
        if (Boolean.getBoolean(OPEN_AT_START)) {
            PauseTransition later = new PauseTransition(Duration.seconds(1));
            later.setOnFinished(event -> dialog.show(windowOf(anchor)));
            later.play();
        }
        return dialog;
    }

    private static Window windowOf(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    public ModelsViewModel models() {
        return models;
    }

    /** Shows the dialog (in front if already open) and checks every backbone again. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle("Models — Atelier");
            ModelsPane pane = new ModelsPane(models, chooser, () -> stage.hide());
            // Height -1: as tall as the cards need, so no empty band under them.
            Scene scene = new Scene(pane, 760, -1);
            scene.getStylesheets().add(Objects.requireNonNull(ModelsDialog.class.getResource(STYLESHEET)).toExternalForm());
            stage.setScene(scene);
            stage.setMinWidth(560);
            stage.setMinHeight(420);
        }
        models.refresh();
        stage.show();
        stage.toFront();
    }

    /**
     * When {@code kind}'s weights are missing and {@code owner} is on screen, asks whether to open
     * this dialog to get them. Nothing happens while the window is being built or restored.
     */
    public void offerIfMissing(BackboneKind kind, Window owner) {
        if (owner == null || !owner.isShowing() || models.isInstalled(kind)) {
            return;
        }
        ButtonType open = new ButtonType("Open Models…", ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType("Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert offer = new Alert(Alert.AlertType.CONFIRMATION,
                "Atelier needs them to run with " + kind.displayName() + ". Open the Models window to download them"
                        + (models.backbone(kind).downloadable() ? " (" + models.backbone(kind).downloadSize() + ")" : "")
                        + " or import a file you have?", open, later);
        offer.setTitle("Weights missing");
        offer.setHeaderText(kind.displayName() + "'s weights are not on this computer");
        offer.initOwner(owner);
        offer.getDialogPane().setId("models-offer");
        offer.setOnHidden(event -> {
            if (offer.getResult() == open) {
                show(owner);
            }
        });
        offer.show();
    }
}
