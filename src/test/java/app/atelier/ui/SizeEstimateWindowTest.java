package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.ui.controls.NumberField;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** In the window, the line under the size field estimates the cost while the size is typed, before Start. */
@ExtendWith(ApplicationExtension.class)
class SizeEstimateWindowTest {

    private StudioTestWindow ui;

    @Start
    void start(Stage stage) {
        ui = new StudioTestWindow(stage);
    }

    @Test
    void typingALargeSizeShowsItsCostAtOnceAndASmallOneHidesIt(FxRobot robot) {
        NumberField size = robot.lookup("#output-size").queryAs(NumberField.class);
        Label estimate = robot.lookup("#size-estimate").queryAs(Label.class);
        assertThat(estimate.isVisible()).as("the default size needs no estimate").isFalse();

        robot.clickOn(size);
        robot.interact(size::selectAll);
        robot.write("3072");

        // Not yet taken (no Enter, focus still there), already estimated.
        assertThat(ui.studio.settings().sizeProperty().get()).isNotEqualTo(3072);
        assertThat(estimate.isVisible()).isTrue();
        assertThat(estimate.getText()).startsWith("About ").contains("\u00a0GB and ~", "\u00a0s per iteration");

        robot.type(KeyCode.BACK_SPACE, 3);
        assertThat(size.getText()).isEqualTo("3");
        assertThat(estimate.isVisible()).isFalse();
        robot.write("00").type(KeyCode.ENTER);
        assertThat(ui.studio.settings().sizeProperty().get()).isEqualTo(300);
        assertThat(estimate.isVisible()).isFalse();
    }
}
