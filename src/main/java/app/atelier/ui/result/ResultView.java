package app.atelier.ui.result;

import app.atelier.engine.Frame;
import app.atelier.image.RgbImage;
import app.atelier.ui.images.FxImages;
import app.atelier.ui.images.LoadedImage;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * The generated picture, live: fit or 100 %, wheel zoom around the pointer, drag to pan, and a
 * before/after split line (content photo on the right of the line) that the user drags.
 * FX thread only.
 */
public final class ResultView extends Pane {

    private static final double MIN_SCALE = 0.05;
    private static final double MAX_SCALE = 32;
    private static final double SPLIT_GRAB = 8;

    private final FrameImage frameImage = new FrameImage();
    private final ImageView result = new ImageView();
    private final ImageView before = new ImageView();
    private final Rectangle resultClip = new Rectangle();
    private final Group picture = new Group(before, result);
    private final Line splitLine = new Line();
    private final Label placeholder = new Label("Drop a photo and a painting on the left, then press Start.\nThe picture forms here.");

    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private final BooleanProperty fit = new SimpleBooleanProperty(this, "fit", true);
    private final BooleanProperty compare = new SimpleBooleanProperty(this, "compare", false);
    /** Where the split line is, as a fraction of the picture's width. */
    private final DoubleProperty split = new SimpleDoubleProperty(this, "split", 0.5);

    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private boolean draggingSplit;

    public ResultView(ObservableValue<Frame> frames, ObservableValue<LoadedImage> content) {
        setId("result-view");
        getStyleClass().add("result-view");
        Rectangle viewportClip = new Rectangle();
        viewportClip.widthProperty().bind(widthProperty());
        viewportClip.heightProperty().bind(heightProperty());
        setClip(viewportClip);

        result.setId("result-image");
        result.setSmooth(false);
        result.setClip(resultClip);
        before.setId("before-image");
        // Before the first frame the photo itself is the preview; afterwards it shows only to compare.
        before.visibleProperty().bind(compare.or(result.imageProperty().isNull()));
        splitLine.setId("split-line");
        splitLine.getStyleClass().add("split-line");
        splitLine.setStroke(Color.WHITE);
        splitLine.setStrokeWidth(2);
        splitLine.visibleProperty().bind(compare.and(result.imageProperty().isNotNull()));
        splitLine.setMouseTransparent(true);
        placeholder.getStyleClass().add("placeholder");
        placeholder.visibleProperty().bind(result.imageProperty().isNull().and(before.imageProperty().isNull()));
        getChildren().addAll(picture, splitLine, placeholder);

        frames.addListener((obs, old, frame) -> {
            if (frame != null) {
                show(frame.image());
            }
        });
        if (frames.getValue() != null) {
            show(frames.getValue().image());
        }
        content.addListener((obs, old, image) -> showContent(image));
        showContent(content.getValue());

        widthProperty().addListener(obs -> relayout());
        heightProperty().addListener(obs -> relayout());
        fit.addListener(obs -> relayout());
        compare.addListener(obs -> updateSplit());
        split.addListener(obs -> updateSplit());
        addEventHandler(ScrollEvent.SCROLL, this::zoomWithWheel);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> setCursor(nearSplit(event.getX()) ? Cursor.H_RESIZE : Cursor.DEFAULT));
    }

    /** Copies {@code image} into the reused pixel buffer. */
    private void show(RgbImage image) {
        if (frameImage.show(image)) {
            result.setImage(frameImage.image());
            before.setFitWidth(image.width());
            before.setFitHeight(image.height());
            relayout();
        }
    }

    private void showContent(LoadedImage image) {
        before.setImage(image == null ? null : FxImages.toFxImage(image.image()));
        if (frameImage.image() == null) {
            // Natural size until a frame gives the picture's size to stretch the photo to.
            before.setFitWidth(0);
            before.setFitHeight(0);
            relayout();
        }
    }

    private boolean hasPicture() {
        return frameImage.image() != null || before.getImage() != null;
    }

    private double pictureWidth() {
        return frameImage.image() != null ? frameImage.width() : before.getImage() == null ? 0 : before.getImage().getWidth();
    }

    private double pictureHeight() {
        return frameImage.image() != null ? frameImage.height() : before.getImage() == null ? 0 : before.getImage().getHeight();
    }

    /** The image on screen, for tests and snapshots. */
    public javafx.scene.image.Image displayedImage() {
        return result.getImage();
    }

    public void fitToWindow() {
        fit.set(true);
        relayout();
    }

    public void actualSize() {
        fit.set(false);
        zoomAround(1.0, getWidth() / 2, getHeight() / 2);
    }

    private void relayout() {
        placeholder.relocate(Math.max(0, (getWidth() - placeholder.prefWidth(-1)) / 2),
                Math.max(0, (getHeight() - placeholder.prefHeight(-1)) / 2));
        placeholder.resize(placeholder.prefWidth(-1), placeholder.prefHeight(-1));
        if (!hasPicture() || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        if (fit.get()) {
            double s = Math.min(getWidth() / pictureWidth(), getHeight() / pictureHeight());
            scale.set(clamp(s));
            offsetX = (getWidth() - pictureWidth() * scale.get()) / 2;
            offsetY = (getHeight() - pictureHeight() * scale.get()) / 2;
        }
        applyTransform();
    }

    private void applyTransform() {
        picture.getTransforms().setAll(new javafx.scene.transform.Translate(offsetX, offsetY),
                new javafx.scene.transform.Scale(scale.get(), scale.get()));
        // Smooth up to a few times enlarged (a painting, not pixels); beyond that the artist inspects pixels.
        result.setSmooth(scale.get() < 4);
        updateSplit();
    }

    private void updateSplit() {
        double w = pictureWidth();
        double h = pictureHeight();
        double cut = compare.get() ? split.get() * w : w;
        resultClip.setWidth(cut);
        resultClip.setHeight(h);
        double x = offsetX + cut * scale.get();
        splitLine.setStartX(x);
        splitLine.setEndX(x);
        splitLine.setStartY(Math.max(0, offsetY));
        splitLine.setEndY(Math.min(getHeight(), offsetY + h * scale.get()));
    }

    private void zoomWithWheel(ScrollEvent event) {
        if (!hasPicture() || event.getDeltaY() == 0) {
            return;
        }
        fit.set(false);
        double factor = Math.pow(1.0015, event.getDeltaY());
        zoomAround(scale.get() * factor, event.getX(), event.getY());
        event.consume();
    }

    private void zoomAround(double newScale, double x, double y) {
        double clamped = clamp(newScale);
        // Keep the picture point under the pointer where it is.
        double imageX = (x - offsetX) / scale.get();
        double imageY = (y - offsetY) / scale.get();
        scale.set(clamped);
        offsetX = x - imageX * clamped;
        offsetY = y - imageY * clamped;
        applyTransform();
    }

    private boolean nearSplit(double x) {
        return compare.get() && frameImage.image() != null && Math.abs(x - splitLine.getStartX()) <= SPLIT_GRAB;
    }

    private void pressed(MouseEvent event) {
        draggingSplit = nearSplit(event.getX());
        dragX = event.getX();
        dragY = event.getY();
    }

    private void dragged(MouseEvent event) {
        if (!hasPicture()) {
            return;
        }
        if (draggingSplit) {
            double fraction = (event.getX() - offsetX) / (pictureWidth() * scale.get());
            split.set(Math.max(0, Math.min(1, fraction)));
        } else {
            fit.set(false);
            offsetX += event.getX() - dragX;
            offsetY += event.getY() - dragY;
            dragX = event.getX();
            dragY = event.getY();
            applyTransform();
        }
        event.consume();
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public BooleanProperty fitProperty() {
        return fit;
    }

    public BooleanProperty compareProperty() {
        return compare;
    }

    public DoubleProperty splitProperty() {
        return split;
    }
}
