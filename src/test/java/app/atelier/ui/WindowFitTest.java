package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real studio window placed as the app places it: on the virtual screen (Monocle, whose size
 * the pom sets for the whole run), and at a 1280x720 laptop's visible area, where the menus, the
 * toolbar and both side panels must stay inside the window, the panels scrolling instead.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFitTest {

    private Stage stage;
    private StudioWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new StudioWindow(new StudioViewModel(), () -> { });
        Scene scene = new Scene(window);
        scene.getStylesheets().add(Objects.requireNonNull(StudioWindow.class.getResource(StudioWindow.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        WindowPlacement.apply(stage, Optional.empty());
        stage.show();
    }

    @Test
    void theFirstWindowFitsTheVirtualScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(stage.getX() + stage.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(stage.getY() + stage.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
    }

    @Test
    void onASmallLaptopScreenEveryPartStaysInsideAndTheSidePanelsScroll(FxRobot robot) {
        Rectangle2D laptop = new Rectangle2D(0, 30, 1280, 690);
        robot.interact(() -> WindowPlacement.apply(stage, WindowPlacement.first(laptop), laptop));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getWidth()).isEqualTo(1280);
        assertThat(stage.getHeight()).isEqualTo(690);
        Bounds scene = new javafx.geometry.BoundingBox(0, 0, window.getScene().getWidth(), window.getScene().getHeight());
        for (String id : new String[] {"#start", "#inputs-scroll", "#controls-scroll", "#result-view"}) {
            Node node = robot.lookup(id).query();
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            assertThat(scene.contains(bounds)).as(id + " at " + bounds + " inside " + scene).isTrue();
        }
        ScrollPane controls = robot.lookup("#controls-scroll").queryAs(ScrollPane.class);
        assertThat(controls.getContent().getLayoutBounds().getHeight())
                .as("the settings are taller than the window, so they scroll")
                .isGreaterThan(controls.getViewportBounds().getHeight());
    }
}
