package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.Launcher;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import app.atelier.image.PngMetadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping {@code render} from outside (Ctrl-C, kill) still saves the last picture. */
class RenderInterruptTest {

    @TempDir
    Path folder;

    @Test
    void terminatedRenderSavesItsLastPicture() throws IOException, InterruptedException {
        Path weights = TestData.squeezenet();
        Path content = TestData.image("dog.jpg");
        Path style = TestData.image("scream.jpg");
        Path out = folder.resolve("stopped.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx2g",
                Launcher.class.getName(), "render", "--content", content.toString(), "--style", style.toString(),
                "--out", out.toString(), "--weights", weights.toString(), "--size", "48",
                "--iterations", "100000", "--log-every", "1", "--device", "cpu");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            waitForIteration(process, 3);
            // destroy() sends SIGTERM, which runs the shutdown hooks exactly as Ctrl-C's SIGINT does.
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("render ended after SIGTERM").isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(ImageLoader.load(out).longSide()).isEqualTo(48);
        SettingsDocument document = SettingsCodec.read(out);
        assertThat(document.settings().iterations()).as("planned").isEqualTo(100000);
        assertThat(document.iteration()).as("the iteration the picture shows").isBetween(3, 99_999);
    }

    /** Reads the merged output until the loss line of {@code iteration} appears (or the process ends). */
    static void waitForIteration(Process process, int iteration) throws IOException {
        String marker = String.format("iter %6d/100000", iteration);
        StringBuilder seen = new StringBuilder();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int c;
        while ((c = reader.read()) != -1) {
            seen.append((char) c);
            if (seen.indexOf(marker) >= 0) {
                // Keep draining so the child never blocks on a full pipe while it shuts down.
                Thread drain = new Thread(() -> {
                    try {
                        reader.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // The child is gone; nothing left to drain.
                    }
                }, "render-output-drain");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new AssertionError("render ended before iteration " + iteration + ":\n" + seen);
    }
}
