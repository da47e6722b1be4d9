package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.settings.SettingsCodec;
import app.atelier.ui.actions.UnsavedRenderPrompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closing the window during a real SqueezeNet run (64 px) asks Save / Discard / Cancel, and each
 * answer does what it says; with nothing on screen the window closes without a question.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class UnsavedRenderPromptTest {

    private StudioTestWindow ui;
    private Stage stage;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        this.stage = stage;
        ui = new StudioTestWindow(stage);
        ui.window.guardClose(stage, stage::close);
    }

    @AfterEach
    void stopJob(FxRobot robot) throws Exception {
        ui.stopJob(robot);
    }

    private void startRun(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 100_000);
        robot.interact(() -> ui.studio.render().start());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ui.studio.render().iterationProperty().get() >= 2);
    }

    /** Presses the window's close button (as the window manager would) and answers the prompt. */
    private void closeAndAnswer(FxRobot robot, ButtonType answer) throws Exception {
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-render-prompt").tryQuery().isPresent());
        DialogPane prompt = robot.lookup("#unsaved-render-prompt").queryAs(DialogPane.class);
        assertThat(prompt.getHeaderText()).contains("Save the render");
        robot.clickOn(prompt.lookupButton(answer));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void cancelKeepsTheWindowOpenAndTheJobRunning(FxRobot robot) throws Exception {
        startRun(robot);
        closeAndAnswer(robot, UnsavedRenderPrompt.CANCEL);
        assertThat(stage.isShowing()).isTrue();
        assertThat(ui.studio.render().activeProperty().get()).isTrue();
        int after = ui.studio.render().iterationProperty().get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ui.studio.render().iterationProperty().get() > after);
    }

    @Test
    void discardClosesTheWindow(FxRobot robot) throws Exception {
        startRun(robot);
        closeAndAnswer(robot, UnsavedRenderPrompt.DISCARD);
        assertThat(stage.isShowing()).isFalse();
    }

    @Test
    void saveWritesThePictureWithItsSettingsThenCloses(FxRobot robot, @TempDir Path folder) throws Exception {
        Path target = folder.resolve("kept.png");
        ui.window.unsavedPrompt().chooseTargetWith(() -> target);
        startRun(robot);
        closeAndAnswer(robot, UnsavedRenderPrompt.SAVE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(target) && !stage.isShowing());
        assertThat(SettingsCodec.read(target).settings().size()).isEqualTo(64);
    }

    @Test
    void nothingToLoseClosesWithoutAsking(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isFalse();
        assertThat(robot.lookup("#unsaved-render-prompt").tryQuery()).isEmpty();
    }
}
