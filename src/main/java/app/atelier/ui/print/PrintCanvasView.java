package app.atelier.ui.print;

import app.atelier.engine.PrintJob;
import app.atelier.image.RgbImage;
import app.atelier.ui.job.PrintViewModel;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The print as it fills in: the view model's scaled-down canvas, fitted to the space, with the
 * tile refined last outlined on it. FX thread only.
 */
final class PrintCanvasView extends StackPane {

    private final ImageView view = new ImageView();
    private final Rectangle lastTile = new Rectangle();
    private final PrintViewModel print;
    /** Reused while the preview keeps its size, so updates copy pixels instead of allocating pictures. */
    private WritableImage image;

    PrintCanvasView(PrintViewModel print) {
        this.print = print;
        setId("print-preview-pane");
        setMinHeight(160);
        setStyle("-fx-background-color: derive(-fx-base, -6%); -fx-background-radius: 4;");
        view.setId("print-preview");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.fitWidthProperty().bind(widthProperty().subtract(16));
        view.fitHeightProperty().bind(heightProperty().subtract(16));
        lastTile.setId("print-last-tile");
        lastTile.setManaged(false);
        lastTile.setFill(Color.TRANSPARENT);
        lastTile.setStroke(Color.web("#f5b700"));
        lastTile.setStrokeWidth(2);
        Pane overlay = new Pane(lastTile);
        overlay.setMouseTransparent(true);
        Label empty = new Label("The print appears here as it fills in, tile by tile.");
        empty.visibleProperty().bind(print.previewProperty().isNull());
        getChildren().addAll(view, overlay, empty);
        print.previewProperty().addListener((obs, old, picture) -> show(picture));
        print.lastTileProperty().addListener(obs -> placeOutline());
        // The view centres and scales the picture: the outline follows wherever it is drawn.
        view.boundsInParentProperty().addListener(obs -> placeOutline());
        show(print.previewProperty().get());
    }

    private void show(RgbImage picture) {
        if (picture == null) {
            view.setImage(null);
            return;
        }
        if (image == null || image.getWidth() != picture.width() || image.getHeight() != picture.height()) {
            image = new WritableImage(picture.width(), picture.height());
        }
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(),
                PixelFormat.getIntArgbPreInstance(), picture.argb(), 0, picture.width());
        view.setImage(image);
        placeOutline();
    }

    private void placeOutline() {
        PrintJob.Area area = print.lastTileProperty().get();
        lastTile.setVisible(area != null && view.getImage() != null);
        if (area != null) {
            Bounds shown = view.getBoundsInParent();
            lastTile.setX(shown.getMinX() + area.x() * shown.getWidth());
            lastTile.setY(shown.getMinY() + area.y() * shown.getHeight());
            lastTile.setWidth(area.width() * shown.getWidth());
            lastTile.setHeight(area.height() * shown.getHeight());
        }
    }
}
