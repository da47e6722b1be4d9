package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.cli.AtelierCommand;
import app.atelier.engine.JobState;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.ui.images.ImageRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code render} without options and Start in a fresh window make the same picture, pixel for
 * pixel: both must read every default from one place ({@code engine.Defaults} through
 * {@code RenderSettings}). Only the size and the run's length are lowered, the same way on both
 * sides (the iteration count split evenly over the default sizes), so the test is quick; every
 * other setting is whatever the defaults are today, so it keeps holding when they change.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class DefaultRenderParityTest {

    private static final int SIZE = 64;
    private static final int ITERATIONS = 6;

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    @Test
    void renderWithoutOptionsPaintsWhatStartPaintsInAFreshWindow(FxRobot robot, @TempDir Path folder) throws Exception {
        Path photo = TestData.image("dog.jpg");
        Path painting = TestData.image("scream.jpg");

        Path rendered = folder.resolve("render.png");
        StringWriter err = new StringWriter();
        int exit = AtelierCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "render", "--content", photo.toString(), "--style", painting.toString(), "--out", rendered.toString(),
                "--size", Integer.toString(SIZE), "--iterations", Integer.toString(ITERATIONS));
        assertThat(exit).as(err.toString()).isZero();

        robot.interact(() -> {
            ui.studio.content().offer(List.of(new ImageRequest.FromFile(photo)));
            ui.studio.styles().offer(List.of(new ImageRequest.FromFile(painting)));
            ui.studio.settings().sizeProperty().set(SIZE);
            ui.studio.settings().iterationsProperty().set(ITERATIONS);
            // The CLI's --iterations splits the run evenly over the sizes; so does a per-size count of 0.
            ui.studio.settings().quality().iterationsPerScaleProperty().set(0);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ui.studio.content().image() != null && ui.studio.styles().entries().size() == 1);
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        Path saved = folder.resolve("window.png");
        List<java.util.concurrent.CompletableFuture<Path>> saving = new java.util.ArrayList<>();
        robot.interact(() -> saving.add(ui.studio.files().saveImage(saved)));
        saving.get(0).get(30, TimeUnit.SECONDS);

        RenderSettings fromRender = SettingsCodec.read(rendered).settings();
        RenderSettings fromWindow = SettingsCodec.read(saved).settings();
        assertThat(usedLayersOnly(fromWindow)).as("the settings each wrote into its PNG")
                .isEqualTo(usedLayersOnly(fromRender));
        RgbImage cli = ImageLoader.load(rendered);
        RgbImage window = ImageLoader.load(saved);
        assertThat(window.width()).isEqualTo(cli.width());
        assertThat(window.height()).isEqualTo(cli.height());
        assertThat(differingPixels(cli, window)).as("pixels that differ between render and the window").isZero();
    }

    /** The window lists every tap, ticked or not; {@code render} only those it used. */
    private static RenderSettings usedLayersOnly(RenderSettings s) {
        return new RenderSettings(s.backbone(), s.device(), s.contentLayers(),
                s.styleLayers().stream().filter(RenderSettings.LayerSetting::enabled).toList(), s.alpha(), s.beta(),
                s.tvWeight(), s.learningRate(), s.size(), s.init(), s.iterations(), s.seed(), s.quality(), s.costMode());
    }

    private static int differingPixels(RgbImage a, RgbImage b) {
        int count = 0;
        for (int i = 0; i < a.argb().length; i++) {
            if (a.argb()[i] != b.argb()[i]) {
                count++;
            }
        }
        return count;
    }
}
