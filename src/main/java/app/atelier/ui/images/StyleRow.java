package app.atelier.ui.images;

import app.atelier.ui.controls.NumberField;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/** One style painting: thumbnail, name, size, blend weight, replace (also by dropping on it) and remove. */
final class StyleRow extends HBox {

    private static final double THUMB = 56;

    StyleRow(StyleEntry entry, int index, Runnable remove, Consumer<List<ImageRequest>> replace) {
        setId("style-row-" + index);
        getStyleClass().add("style-row");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        ImageView thumbnail = new ImageView(FxImages.toFxImage(entry.image().thumbnail()));
        thumbnail.setPreserveRatio(true);
        thumbnail.setFitWidth(THUMB);
        thumbnail.setFitHeight(THUMB);

        Label name = new Label(entry.image().name());
        name.setId("style-name-" + index);
        name.getStyleClass().add("image-name");
        Label size = new Label(entry.image().sizeText());
        size.getStyleClass().add("image-size");
        NumberField weight = NumberField.forDouble(entry.weightProperty(), 0, 1000);
        weight.setId("style-weight-" + index);
        weight.setPrefColumnCount(3);
        Label weightLabel = new Label("blend", weight);
        weightLabel.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        weightLabel.getStyleClass().add("image-size");
        VBox text = new VBox(2, name, size, weightLabel);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button replaceButton = StylePane.iconButton("style-replace-" + index,
                new FontIcon(MaterialDesignF.FILE_REPLACE_OUTLINE), "Replace this painting (or drop a new one on it)");
        Button removeButton = StylePane.iconButton("style-remove-" + index,
                new FontIcon(MaterialDesignC.CLOSE), "Remove this painting");
        removeButton.setOnAction(event -> remove.run());
        ImageDropZone zone = ImageDropZone.install(this, replace, false);
        replaceButton.setOnAction(event -> zone.openFileDialog());
        // The whole row is a drop target for replacing; clicks on it should not open a dialog.
        setOnMouseClicked(null);

        // A fixed box keeps the text column aligned whatever the paintings' aspect ratios.
        javafx.scene.layout.StackPane thumbnailBox = new javafx.scene.layout.StackPane(thumbnail);
        thumbnailBox.setMinSize(THUMB, THUMB);
        thumbnailBox.setPrefSize(THUMB, THUMB);
        thumbnailBox.setMaxSize(THUMB, THUMB);
        text.setMinWidth(0);
        name.setMinWidth(0);
        getChildren().addAll(thumbnailBox, text, replaceButton, removeButton);
    }
}
