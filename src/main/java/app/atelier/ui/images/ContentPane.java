package app.atelier.ui.images;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The content photo pane: a drop zone with the thumbnail, the file name and size, replace and remove. */
public final class ContentPane extends VBox {

    private final ImageDropZone dropZone;

    public ContentPane(ContentImageViewModel model) {
        setId("content-pane");
        getStyleClass().add("image-pane");

        Label title = new Label("Content");
        title.getStyleClass().add("pane-title");

        ImageView thumbnail = new ImageView();
        thumbnail.setId("content-thumbnail");
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(ImageRequest.THUMBNAIL_SIDE);
        thumbnail.setFitHeight(ImageRequest.THUMBNAIL_SIDE);
        Label placeholder = new Label("Drop a photo here\nor click to open", new FontIcon(MaterialDesignI.IMAGE_PLUS));
        placeholder.getStyleClass().add("drop-hint");
        placeholder.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        StackPane drop = new StackPane(placeholder, thumbnail);
        drop.setId("content-drop");
        drop.getStyleClass().add("drop-zone");
        drop.setMinHeight(ImageRequest.THUMBNAIL_SIDE + 16);
        Tooltip.install(drop, new Tooltip("Drop, paste (Ctrl+V) or click to open a photo"));
        dropZone = ImageDropZone.install(drop, model::offer, false);

        Label name = new Label();
        name.setId("content-name");
        name.getStyleClass().add("image-name");
        Label size = new Label();
        size.setId("content-size");
        size.getStyleClass().add("image-size");
        Button replace = iconButton("content-replace", new FontIcon(MaterialDesignF.FILE_REPLACE_OUTLINE), "Replace the photo");
        replace.setOnAction(event -> dropZone.openFileDialog());
        Button remove = iconButton("content-remove", new FontIcon(MaterialDesignC.CLOSE), "Remove the photo");
        remove.setOnAction(event -> model.remove());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox text = new VBox(2, name, size);
        HBox info = new HBox(6, text, spacer, replace, remove);
        info.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("content-message");
        message.getStyleClass().add("pane-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        getChildren().addAll(title, drop, info, message);
        setSpacing(6);

        model.imageProperty().addListener((obs, old, image) -> show(image, thumbnail, placeholder, name, size, info));
        show(model.image(), thumbnail, placeholder, name, size, info);
    }

    private static void show(LoadedImage image, ImageView thumbnail, Label placeholder, Label name, Label size, HBox info) {
        boolean present = image != null;
        thumbnail.setImage(present ? FxImages.toFxImage(image.thumbnail()) : null);
        placeholder.setVisible(!present);
        name.setText(present ? image.name() : "");
        size.setText(present ? image.sizeText() : "");
        info.setVisible(present);
        info.setManaged(present);
    }

    static Button iconButton(String id, FontIcon icon, String tip) {
        Button button = new Button(null, icon);
        button.setId(id);
        button.getStyleClass().add("icon-button");
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    public ImageDropZone dropZone() {
        return dropZone;
    }
}
