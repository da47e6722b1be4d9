package app.atelier.ui.models;

import app.atelier.engine.BackboneKind;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Models dialog's content: one card per backbone with its status, size, location and source,
 * and Download, Import…, Verify and Remove. FX thread only.
 */
public final class ModelsPane extends BorderPane {

    private final ModelsViewModel models;
    private final WeightsChooser chooser;

    /** @param close what the Close button does (hides the dialog) */
    public ModelsPane(ModelsViewModel models, WeightsChooser chooser, Runnable close) {
        this.models = models;
        this.chooser = chooser;
        setId("models-pane");
        getStyleClass().add("models-pane");

        Label title = new Label("Network weights");
        title.getStyleClass().add("pane-title");
        Label where = new Label("Atelier looks in " + models.searchPath() + ". Downloads and imports go to "
                + models.installFolder() + "; shared folders are only read.");
        where.setId("models-search-path");
        where.setWrapText(true);
        where.setMinHeight(Region.USE_PREF_SIZE);
        where.getStyleClass().add("hint");
        VBox header = new VBox(4, title, where);
        header.getStyleClass().add("models-header");

        VBox cards = new VBox(12);
        cards.getStyleClass().add("model-cards");
        BackboneCard.Actions actions = new CardActions();
        for (BackboneWeights weights : models.backbones()) {
            cards.getChildren().add(new BackboneCard(weights, actions));
        }
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("models-scroll");

        Button refresh = new Button("Check again", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("models-refresh");
        refresh.setOnAction(event -> models.refresh());
        Button closeButton = new Button("Close");
        closeButton.setId("models-close");
        closeButton.setCancelButton(true);
        closeButton.setOnAction(event -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(8, refresh, spacer, closeButton);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add("models-footer");

        setTop(header);
        setCenter(scroll);
        setBottom(footer);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private final class CardActions implements BackboneCard.Actions {

        @Override
        public void download(BackboneKind kind) {
            models.download(kind);
        }

        @Override
        public void cancel(BackboneKind kind) {
            models.cancelDownload(kind);
        }

        @Override
        public void importWeights(BackboneKind kind, boolean folder) {
            chooser.choose(window(), kind, folder).ifPresent(path -> models.importFrom(path, kind));
        }

        @Override
        public void verify(BackboneKind kind) {
            models.verify(kind);
        }

        @Override
        public void remove(BackboneKind kind) {
            ButtonType delete = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                    "Delete " + kind.displayName() + "'s weights from " + models.backbone(kind).locationProperty().get()
                            + "? Download or Import… brings them back.", delete, ButtonType.CANCEL);
            confirm.setTitle("Remove weights");
            confirm.setHeaderText("Remove " + kind.displayName() + "?");
            confirm.initOwner(window());
            confirm.getDialogPane().setId("models-remove-confirm");
            Optional<ButtonType> answer = confirm.showAndWait();
            if (answer.isPresent() && answer.get() == delete) {
                models.remove(kind);
            }
        }
    }
}
