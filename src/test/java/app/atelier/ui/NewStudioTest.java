package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.settings.RenderSettings;
import app.atelier.ui.actions.UnsavedRenderPrompt;
import app.atelier.ui.history.HistoryStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › New (Ctrl+N) during a real SqueezeNet run (64 px) asks Save / Discard / Cancel; Discard
 * leaves the studio as a first launch opens it (default settings, empty panes, no picture), Cancel
 * changes nothing; with nothing to lose it starts afresh at once. The run let go is kept in the history.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class NewStudioTest {

    @TempDir
    static Path historyFolder;

    private StudioTestWindow ui;

    @Start
    void start(Stage stage) {
        Platform.setImplicitExit(false);
        ui = new StudioTestWindow(stage);
        ui.studio.renders().keepIn(new HistoryStore(historyFolder));
    }

    @AfterEach
    void stopJob(FxRobot robot) throws Exception {
        ui.stopJob(robot);
    }

    private void startRun(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 100_000);
        robot.interact(() -> {
            ui.studio.settings().alphaProperty().set(7.0);
            ui.studio.render().start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ui.studio.render().iterationProperty().get() >= 2);
    }

    /** Ctrl+N during a run, and {@code answer} to the question it asks. */
    private void startRunThenNewAndAnswer(FxRobot robot, ButtonType answer) throws Exception {
        startRun(robot);
        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsaved-render-prompt").tryQuery().isPresent());
        DialogPane prompt = robot.lookup("#unsaved-render-prompt").queryAs(DialogPane.class);
        assertThat(prompt.getHeaderText()).isEqualTo("Save the render before starting afresh?");
        robot.clickOn(prompt.lookupButton(answer));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertFresh(FxRobot robot) {
        robot.interact(() -> {
            assertThat(ui.studio.content().image()).isNull();
            assertThat(ui.studio.styles().entries()).isEmpty();
            assertThat(ui.studio.render().frameProperty().get()).isNull();
            assertThat(ui.studio.render().activeProperty().get()).isFalse();
            assertThat(ui.studio.history().records()).isEmpty();
            assertThat(ui.studio.settings().snapshot()).isEqualTo(RenderSettings.defaults());
            assertThat(ui.studio.render().phaseProperty().get()).isEqualTo("Ready");
            ui.window.lossChart().getData().forEach(series ->
                    assertThat(((javafx.scene.shape.Path) series.getNode()).getElements()).as("the old run's line").isEmpty());
        });
    }

    @Test
    void discardDuringARunStartsAfresh(FxRobot robot) throws Exception {
        int kept = new HistoryStore(historyFolder).list().size();
        startRunThenNewAndAnswer(robot, UnsavedRenderPrompt.DISCARD);
        assertFresh(robot);
        // The run let go is still kept in the history: nothing lost.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> new HistoryStore(historyFolder).list().size() == kept + 1);
        assertThat(new HistoryStore(historyFolder).list().get(kept).document().settings().alpha()).isEqualTo(7.0);
    }

    @Test
    void cancelKeepsTheRunAndItsSettings(FxRobot robot) throws Exception {
        startRunThenNewAndAnswer(robot, UnsavedRenderPrompt.CANCEL);
        robot.interact(() -> {
            assertThat(ui.studio.render().activeProperty().get()).isTrue();
            assertThat(ui.studio.content().image()).isNotNull();
            assertThat(ui.studio.settings().alphaProperty().get()).isEqualTo(7.0);
        });
    }

    @Test
    void withNothingToLoseNewStartsAfreshWithoutAsking(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 10);
        robot.push(KeyCode.CONTROL, KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#unsaved-render-prompt").tryQuery()).isEmpty();
        assertFresh(robot);
    }
}
