package app.atelier.ui.autosave;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.model.WeightsSearchPath;
import app.atelier.ui.StudioViewModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A child JVM runs a real job with the autosave on and is killed ({@code kill -9}) mid-run; this
 * JVM then finds the autosave and restores the picture, the settings, the pasted painting and
 * the loss history into a fresh studio.
 */
@ExtendWith(ApplicationExtension.class)
class AutosaveRestoreTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void aKilledRunIsRestoredWithItsPictureSettingsAndLosses(FxRobot robot, @TempDir Path home) throws Exception {
        Path weights = TestData.squeezenet().getParent();
        Assumptions.assumeTrue(Files.isDirectory(weights), "shared SqueezeNet weights absent");
        Path folder = home.resolve(".local/share/atelier/autosave");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Duser.home=" + home, "-D" + WeightsSearchPath.PROPERTY + "=" + weights,
                "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-Dprism.order=sw",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-cp", System.getProperty("java.class.path"), AutosaveCrashChild.class.getName(),
                folder.toString(), TestData.image("dog.jpg").toString(), TestData.image("scream.jpg").toString())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int autosaves = 0;
            String line;
            while (autosaves < 3 && (line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("autosaved ")) {
                    autosaves++;
                }
            }
            assertThat(autosaves).as("child output: %s", output).isEqualTo(3);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        AutosaveStore store = new AutosaveStore(folder);
        assertThat(store.exists()).isTrue();
        AutosaveState saved = store.read().orElseThrow();
        assertThat(saved.iteration()).isGreaterThanOrEqualTo(1);
        assertThat(saved.shown().iteration()).isEqualTo(saved.iteration());
        assertThat(saved.losses()).isNotEmpty().hasSizeLessThanOrEqualTo(saved.iteration());
        assertThat(saved.losses().get(saved.losses().size() - 1).iteration()).isEqualTo(saved.losses().size());
        // The default coarse-to-fine run starts below the final 64 px.
        assertThat(saved.picture().longSide()).isPositive().isLessThanOrEqualTo(64);
        assertThat(saved.document().settings().size()).isEqualTo(64);
        assertThat(saved.document().settings().alpha()).isEqualTo(2.5);
        assertThat(saved.document().settings().seed()).isEqualTo(777);
        assertThat(saved.document().pictures().content().path()).endsWith("dog.jpg");
        Path copy = Path.of(saved.document().pictures().styles().get(0).path());
        assertThat(copy.getParent()).isEqualTo(folder);
        assertThat(copy).isRegularFile();

        StudioViewModel studio = new StudioViewModel();
        robot.interact(() -> studio.restore(saved, folder));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> studio.content().image() != null && studio.styles().entries().size() == 1);
        robot.interact(() -> {
            assertThat(studio.settings().alphaProperty().get()).isEqualTo(2.5);
            assertThat(studio.settings().seedProperty().get()).isEqualTo(777);
            assertThat(studio.history().records()).containsExactlyElementsOf(saved.losses());
            assertThat(studio.render().frameProperty().get().iteration()).isEqualTo(saved.iteration());
            assertThat(studio.render().frameProperty().get().image().argb()).isEqualTo(saved.picture().argb());
            // The pasted painting comes back file-less under its own name: nothing remembered points into the autosave.
            assertThat(studio.styles().entries().get(0).image().file()).isEmpty();
            assertThat(studio.styles().entries().get(0).image().name()).isEqualTo("pasted scream");
            assertThat(studio.remember(null).studio().pictures().styles().get(0).path()).isNull();
            assertThat(studio.render().phaseProperty().get()).startsWith("Restored from the autosave: iteration " + saved.iteration());
            assertThat(studio.files().hasUnsavedRender()).isTrue();
        });
        store.clear();
        assertThat(folder).doesNotExist();
    }
}
