package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.Launcher;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} runs no cleanup: no partial picture under a final name, and the next run tidies up. */
class RenderKillTest {

    @TempDir
    Path folder;

    @Test
    void killedRunLeavesOnlyWholePicturesAndTheNextRunRemovesItsTemporaryFiles() throws Exception {
        Path out = folder.resolve("out.png");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx1g",
                Launcher.class.getName(), "render", "--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--out", out.toString(),
                "--weights", TestData.squeezenet().toString(), "--size", "48", "--iterations", "100000",
                "--save-every", "1", "--log-every", "1", "--device", "cpu");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            RenderInterruptTest.waitForIteration(process, 5);
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("out-\\d+\\.png")).toList()) {
                assertThat(ImageLoader.load(file).longSide()).as(file.toString()).isEqualTo(48);
            }
        }
        // A write cut off by the kill is what the next run must tidy; make sure there is one to tidy.
        Files.writeString(folder.resolve(".out-0007.png-" + process.pid() + "-cut.tmp"), "half a picture");

        CliRun next = CliRun.of("render", "--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--out", out.toString(),
                "--weights", TestData.squeezenet().toString(), "--size", "48", "--iterations", "1", "--quiet",
                "--device", "cpu");

        assertThat(next.exitCode()).as(next.err()).isZero();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }
}
