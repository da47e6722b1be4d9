package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobState;
import app.atelier.engine.StyleTransferJob;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import app.atelier.tooling.FxThreadProbe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Real SqueezeNet jobs at 64-96 px driven through the window: the picture, chart and status follow
 * the run; slider and layer edits reach the running job; pause, resume, stop and save behave;
 * the FX thread keeps answering. Skipped when the shared weights or images are absent.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class LiveJobTest {

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int iteration() {
        return ui.studio.render().iterationProperty().get();
    }

    private int[] shownPixels(FxRobot robot) {
        int[][] pixels = new int[1][];
        robot.interact(() -> {
            Image image = ui.window.resultPane().view().displayedImage();
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            pixels[0] = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels[0], 0, w);
        });
        return pixels[0];
    }

    private List<IterationRecord> records(FxRobot robot) {
        List<IterationRecord> copy = new ArrayList<>();
        robot.interact(() -> copy.addAll(ui.studio.history().records()));
        return copy;
    }

    @Test
    void spaceStartsARunThatStreamsThePictureTheChartAndTheStatus(FxRobot robot, @TempDir Path folder) throws Exception {
        ui.loadDogAndScream(robot, 64, 40);
        // What the window showed at the first frame, taken on the FX thread as it happens (the view's
        // own listener ran first), so a fast machine finishing the run early cannot hide it.
        int[][] firstShown = new int[1][];
        int[] chartAtFirstFrame = new int[1];
        robot.interact(() -> ui.studio.render().frameProperty().addListener((obs, old, frame) -> {
            if (firstShown[0] == null && frame != null) {
                Image image = ui.window.resultPane().view().displayedImage();
                int w = (int) image.getWidth();
                int h = (int) image.getHeight();
                firstShown[0] = new int[w * h];
                image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), firstShown[0], 0, w);
                chartAtFirstFrame[0] = ui.window.lossChart().pointCount();
            }
        }));
        robot.type(javafx.scene.input.KeyCode.SPACE);

        waitFor(120, () -> iteration() >= 5);
        assertThat(ui.window.lossChart().pointCount()).isPositive();
        assertThat(robot.lookup("#status-iteration").queryAs(Label.class).getText()).matches("Iteration \\d+ of 40");
        assertThat(robot.lookup("#status-bar").queryAs(StatusBar.class).getProgress()).isGreaterThan(0);
        assertThat(robot.lookup("#status-speed").queryAs(Label.class).getText()).matches("\\d+\\.\\d it/s");

        waitFor(120, () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
        int[] last = shownPixels(robot);

        assertThat(firstShown[0]).as("the first frame was shown").isNotNull();
        assertThat(last).as("the picture changed between the first frame and iteration 40").isNotEqualTo(firstShown[0]);
        assertThat(ui.window.lossChart().pointCount()).as("one point per iteration").isEqualTo(40)
                .isGreaterThan(chartAtFirstFrame[0]);
        assertThat(robot.lookup("#status-iteration").queryAs(Label.class).getText()).isEqualTo("Iteration 40 of 40");
        assertThat(robot.lookup("#status-bar").queryAs(StatusBar.class).getText()).isEqualTo("Done");
        List<IterationRecord> records = records(robot);
        assertThat(records.get(records.size() - 1).loss().style()).as("the style cost falls")
                .isLessThan(records.get(0).loss().style());

        Path csv = ui.studio.files().exportCsv(folder.resolve("loss.csv")).get(30, TimeUnit.SECONDS);
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        assertThat(lines).hasSize(41);
        assertThat(lines.get(0)).startsWith("iteration,total,content,style,tv,alpha,beta");
        assertThat(lines.get(40)).startsWith("40," + records.get(39).loss().total() + ",");

        Path snapshot = ui.studio.files().saveSnapshot(folder.resolve("snapshots")).get(30, TimeUnit.SECONDS);
        assertThat(snapshot.getFileName().toString()).startsWith("atelier-").endsWith("-it40.png");
        assertThat(app.atelier.image.ImageLoader.load(snapshot).width()).isEqualTo(64);
    }

    @Test
    void slidersAndLayerTicksReachTheRunningJob_andPauseResumeEscapeAndSaveWork(FxRobot robot, @TempDir Path folder) throws Exception {
        ui.loadDogAndScream(robot, 64, 100_000);
        robot.clickOn("#start");
        waitFor(120, () -> iteration() >= 3);
        StyleTransferJob job = ui.studio.render().job().orElseThrow();
        double betaBefore = job.parameters().beta();
        assertThat(robot.lookup("#status-eta").queryAs(Label.class).getText()).as("a long run shows its ETA")
                .matches("ETA \\d+:\\d\\d(:\\d\\d)?");

        Slider beta = robot.lookup("#beta-slider").queryAs(Slider.class);
        robot.interact(() -> beta.setValue(beta.getValue() + 1));
        double betaAfter = ui.studio.settings().betaProperty().get();
        assertThat(betaAfter).isCloseTo(betaBefore * 10, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat(job.parameters().beta()).as("the job has the new β at once").isEqualTo(betaAfter);

        int changedAt = iteration();
        waitFor(60, () -> records(robot).stream().anyMatch(r -> r.iteration() > changedAt + 1 && r.parameters().beta() == betaAfter));
        IterationRecord withNewBeta = records(robot).stream().filter(r -> r.parameters().beta() == betaAfter).findFirst().orElseThrow();
        assertThat(withNewBeta.parametersChanged()).isTrue();
        assertThat(withNewBeta.loss().total()).as("later frames are weighted with the new β")
                .isCloseTo(withNewBeta.parameters().alpha() * withNewBeta.loss().content()
                        + betaAfter * withNewBeta.loss().style()
                        + withNewBeta.parameters().tvWeight() * withNewBeta.loss().tv(),
                        org.assertj.core.data.Percentage.withPercentage(1));
        waitFor(10, () -> ui.window.lossChart().markerCount() >= 1);

        CheckBox fire2 = robot.lookup("#style-layer-fire2").queryAs(CheckBox.class);
        robot.interact(fire2::fire);
        assertThat(job.parameters().styleLayers()).noneMatch(layer -> layer.name().equals("fire2"));
        int untickedAt = iteration();
        waitFor(60, () -> records(robot).stream().anyMatch(r -> r.iteration() > untickedAt + 1));
        IterationRecord withoutFire2 = records(robot).stream()
                .filter(r -> r.iteration() > untickedAt + 1).findFirst().orElseThrow();
        assertThat(withoutFire2.loss().stylePerLayer()).as("fire2 no longer contributes").doesNotContainKey("fire2")
                .containsKeys("conv0", "fire3", "fire4");

        robot.clickOn("#pause");
        waitFor(30, () -> ui.studio.render().stateProperty().get() == JobState.PAUSED);
        assertThat(job.state()).isEqualTo(JobState.PAUSED);
        assertThat(ui.studio.render().drainingEachPulse()).as("no pulses asked for while paused").isFalse();
        int pausedAt = job.latestFrame().orElseThrow().iteration();
        Thread.sleep(500);
        assertThat(job.latestFrame().orElseThrow().iteration()).as("no iterations while paused").isEqualTo(pausedAt);
        assertThat(robot.lookup("#pause").queryButton().getText()).isEqualTo("Resume");

        robot.clickOn("#pause");
        waitFor(60, () -> iteration() > pausedAt + 1);
        assertThat(ui.studio.render().stateProperty().get()).isEqualTo(JobState.RUNNING);
        assertThat(ui.studio.render().drainingEachPulse()).isTrue();

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(60, () -> ui.studio.render().stateProperty().get() == JobState.STOPPED);
        assertThat(ui.studio.render().drainingEachPulse()).as("no pulses asked for once stopped").isFalse();
        assertThat(ui.window.resultPane().view().displayedImage()).as("the picture stays after Stop").isNotNull();
        assertThat(robot.lookup("#start").queryButton().isDisabled()).isFalse();

        Path png = folder.resolve("result.png");
        ui.studio.files().saveImage(png).get(30, TimeUnit.SECONDS);
        SettingsDocument saved = SettingsCodec.read(png);
        assertThat(saved.settings().beta()).as("what the picture was made with").isEqualTo(betaAfter);
        assertThat(saved.settings().backbone()).isEqualTo("squeezenet1_1");
        assertThat(saved.settings().contentLayers()).containsExactly("fire1");
        assertThat(saved.pictures().content().name()).isEqualTo("dog.jpg");
        assertThat(saved.pictures().styles()).singleElement()
                .satisfies(style -> assertThat(style.name()).isEqualTo("scream.jpg"))
                .satisfies(style -> assertThat(style.weight()).isEqualTo(1.0));
        assertThat(saved.iteration()).isPositive();
        assertThat(saved.settings().enabledStyleLayers()).extracting(app.atelier.engine.StyleLayer::name)
                .contains("conv0", "fire3", "fire4").doesNotContain("fire2");
    }

    @Test
    void changingTheSizeDuringARunRestartsTheTargetsAndSaysSo(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 100_000);
        robot.clickOn("#start");
        waitFor(120, () -> iteration() >= 2);
        assertThat(ui.studio.render().frameProperty().get().image().longSide()).isEqualTo(64);

        robot.interact(() -> ui.studio.settings().sizeProperty().set(80));
        waitFor(60, () -> ui.studio.render().frameProperty().get().image().longSide() == 80);

        assertThat(ui.studio.messages().latestProperty().get().text()).contains("recomputing the targets");
        assertThat(ui.studio.render().stateProperty().get()).isEqualTo(JobState.RUNNING);
        assertThat(shownPixels(robot)).hasSize(80 * 60);
    }

    /**
     * Behaviour only: the FX thread keeps answering and is never found blocked inside Atelier's code
     * (a lock, a join, a sleep). How long it takes to answer is a figure of {@code atelier bench
     * --mode window}, not a test.
     */
    @Test
    void theFxThreadKeepsAnsweringAndNeverWaitsInsideAtelierCodeWhileAJobRuns(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 96, 30);
        try (FxThreadProbe probe = new FxThreadProbe(FxThreadProbe.TEST_SAMPLE_MILLIS)) {
            robot.clickOn("#start");
            waitFor(180, () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
            assertThat(probe.answered()).as("pings answered during the run").isGreaterThan(10);
            assertThat(probe.waitsInAtelierCode()).as("the FX thread never waits inside Atelier code").isEmpty();
        }
    }
}
