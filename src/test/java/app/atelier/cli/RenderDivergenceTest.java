package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} says when the optimisation diverged and writes only a picture measured good. */
class RenderDivergenceTest {

    @TempDir
    Path folder;

    private CliRun render(Path out, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("render",
                "--content", TestData.image("dog.jpg").toString(), "--style", TestData.image("scream.jpg").toString(),
                "--out", out.toString(), "--weights", TestData.squeezenet().toString(), "--size", "48",
                "--iterations", "20", "--quiet", "--device", "cpu"));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void divergingLearningRateEndsWithOneLineAndNoNoiseWritten() {
        Path out = folder.resolve("out.png");

        // Before: exit 0 and a picture of 96 % pure black or white pixels.
        CliRun run = render(out, "--lr", "10");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Error: the render failed: The cost rose").contains("learning rate", "Nothing was written"));
        assertThat(out).doesNotExist();
    }

    @Test
    void infiniteCostPromisesNoPictureItDoesNotWrite() {
        Path out = folder.resolve("out.png");

        // Before: "The last good picture is kept", and nothing was written.
        CliRun run = render(out, "--beta", "1e308");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("The cost became", "β 1.0E308", "Nothing was written").doesNotContain("is kept"));
        assertThat(out).doesNotExist();
    }
}
