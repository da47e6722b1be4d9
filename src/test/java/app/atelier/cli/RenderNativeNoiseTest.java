package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.Launcher;
import app.atelier.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorch writes its C++ warnings straight to the process's stderr, past Java's streams, so only
 * a child process shows what a user's terminal gets.
 */
class RenderNativeNoiseTest {

    @TempDir
    Path folder;

    @Test
    void quietRenderPrintsNoNativeWarningsTheUserCannotActOn() throws IOException, InterruptedException {
        Path out = folder.resolve("out.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Xmx1g", Launcher.class.getName(), "render",
                "--content", TestData.image("dog.jpg").toString(), "--style", TestData.image("scream.jpg").toString(),
                "--out", out.toString(), "--weights", TestData.squeezenet().toString(), "--size", "48",
                "--iterations", "3", "--quiet", "--device", "cpu"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("TORCH_CPP_LOG_LEVEL");
        Process process = builder.start();
        String err;
        try {
            err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).as(err).isZero();
        // Before: about 70 "Could not initialize NNPACK!" lines on this CPU and the deprecation note.
        assertThat(err).doesNotContain("NNPACK", "AutoNonVariableTypeMode");
        assertThat(out).exists();
    }
}
