package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Defaults;
import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.LossBreakdown;
import app.atelier.image.RgbImage;
import app.atelier.ui.images.LoadedImage;
import app.atelier.ui.result.ResultView;
import java.util.Arrays;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The result view: one reused pixel buffer per size, fit, 100 %, wheel zoom, pan and the split line. */
@ExtendWith(ApplicationExtension.class)
class ResultViewTest {

    private final SimpleObjectProperty<Frame> frames = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<LoadedImage> content = new SimpleObjectProperty<>();
    private ResultView view;

    @Start
    void start(Stage stage) {
        view = new ResultView(frames, content);
        // The stage is shared with earlier window tests, whose placement set its size and minimum.
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(new Scene(new StackPane(view), 800, 600));
        stage.sizeToScene();
        stage.show();
    }

    private static Frame frame(int iteration, int width, int height, int argb) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, argb);
        IterationRecord record = new IterationRecord(iteration, new LossBreakdown(1, 1, 1, Map.of(), 0),
                Defaults.parameters(Defaults.BACKBONE), false, 1_000_000);
        return new Frame(record, 100, new RgbImage(width, height, pixels));
    }

    @Test
    void framesOfOneSizeReuseOneImage(FxRobot robot) {
        robot.interact(() -> frames.set(frame(1, 100, 50, 0xFF102030)));
        Image first = view.displayedImage();
        robot.interact(() -> frames.set(frame(2, 100, 50, 0xFFA0B0C0)));
        assertThat(view.displayedImage()).as("same WritableImage, new pixels").isSameAs(first);
        assertThat(first.getPixelReader().getArgb(10, 10)).isEqualTo(0xFFA0B0C0);

        robot.interact(() -> frames.set(frame(3, 80, 40, 0xFF000000)));
        assertThat(view.displayedImage()).isNotSameAs(first);
        assertThat(view.displayedImage().getWidth()).isEqualTo(80);
    }

    @Test
    void beforeTheFirstFrameThePhotoIsThePreview(FxRobot robot) {
        RgbImage photo = frame(0, 200, 100, 0xFF336699).image();
        robot.interact(() -> content.set(new LoadedImage("photo.jpg", java.util.Optional.empty(), photo, photo)));
        assertThat(robot.lookup("#before-image").queryAs(javafx.scene.image.ImageView.class).isVisible()).isTrue();
        assertThat(view.scaleProperty().get()).as("fits 200x100 into 800x600").isEqualTo(4.0);

        robot.interact(() -> frames.set(frame(1, 100, 50, 0xFF808080)));
        assertThat(robot.lookup("#before-image").queryAs(javafx.scene.image.ImageView.class).isVisible())
                .as("the photo only shows to compare once the picture is there").isFalse();
        assertThat(view.scaleProperty().get()).isEqualTo(8.0);
    }

    @Test
    void fitActualSizeWheelZoomAndPan(FxRobot robot) {
        robot.interact(() -> frames.set(frame(1, 100, 50, 0xFF808080)));
        assertThat(view.scaleProperty().get()).as("fits 100x50 into 800x600").isEqualTo(8.0);

        robot.interact(view::actualSize);
        assertThat(view.scaleProperty().get()).isEqualTo(1.0);
        assertThat(view.fitProperty().get()).isFalse();

        robot.interact(() -> Event.fireEvent(view, new ScrollEvent(ScrollEvent.SCROLL, 400, 300, 400, 300,
                false, false, false, false, false, false, 0, 200, 0, 200,
                ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertThat(view.scaleProperty().get()).as("wheel up zooms in").isGreaterThan(1.0);

        robot.interact(view::fitToWindow);
        assertThat(view.scaleProperty().get()).isEqualTo(8.0);
    }

    @Test
    void theSplitLineComparesWithThePhotoAndFollowsTheMouse(FxRobot robot) {
        robot.interact(() -> {
            frames.set(frame(1, 100, 50, 0xFF808080));
            view.compareProperty().set(true);
        });
        Line line = robot.lookup("#split-line").queryAs(Line.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getStartX()).as("the line starts in the middle of the picture").isEqualTo(400.0);

        robot.interact(() -> {
            Event.fireEvent(view, mouse(MouseEvent.MOUSE_PRESSED, 400, 300));
            Event.fireEvent(view, mouse(MouseEvent.MOUSE_DRAGGED, 600, 300));
        });
        assertThat(view.splitProperty().get()).isEqualTo(0.75);
        assertThat(line.getStartX()).isEqualTo(600.0);
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, false, false, false, null);
    }
}
