package app.atelier.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StudioWindow(new StudioViewModel(), () -> { }), 1200, 800));
        stage.show();
    }

    @Test
    void helpAboutShowsTheVersionAndEveryWeightsLicence(FxRobot robot) {
        robot.clickOn("Help").clickOn("About Atelier");
        WaitForAsyncUtils.waitForFxEvents();

        TextArea notices = robot.lookup("#about-notices").queryAs(TextArea.class);
        assertThat(notices.getText())
                .contains("SqueezeNet 1.1").contains("VGG19").contains("Creative Commons Attribution 4.0")
                .contains("PyTorch").contains("Deep Java Library").contains("OpenJFX");
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText()).startsWith("Atelier ");
    }
}
