package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.Utils;
import app.atelier.TestData;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.model.NamedTensor;
import app.atelier.model.SafetensorsWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render} with weights it cannot use: one line saying what is wrong and what to do, before
 * any work, and nothing else on either stream (no logger ERROR, no stack trace), --quiet or not.
 */
class RenderBadWeightsTest {

    @TempDir
    Path dir;

    private Path content;
    private Path style;

    @BeforeEach
    void pictures() throws IOException {
        content = dir.resolve("content.png");
        style = dir.resolve("style.png");
        int[] pixels = new int[64 * 48];
        Arrays.fill(pixels, 0xFF336699);
        PngWriter.write(new RgbImage(64, 48, pixels), content, Map.of());
        PngWriter.write(new RgbImage(64, 48, pixels), style, Map.of());
    }

    /** Renders with {@code options}; also returns what went to the process's stderr (the logger's stream). */
    private RunWithLog render(String... options) {
        List<String> args = new ArrayList<>(List.of("render", "--content", content.toString(), "--style", style.toString(),
                "--out", dir.resolve("out.png").toString(), "--size", "64", "--iterations", "2"));
        args.addAll(List.of(options));
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return new RunWithLog(CliRun.of(args.toArray(String[]::new)), log.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private record RunWithLog(CliRun run, String log) {
        void isOneLine(String... fragments) {
            assertThat(run.exitCode()).as(run.err() + log).isEqualTo(AtelierCommand.EXIT_USAGE);
            assertThat(run.errLines()).as(run.err()).singleElement().asString().startsWith("Error: ").contains(fragments);
            assertThat(run.out()).isEmpty();
            assertThat(log).as("the logger's stream").doesNotContain("ERROR").doesNotContain("\tat ");
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RenderBadWeightsTest.class.getResource("/app/atelier/model/" + name).toURI());
    }

    @Test
    void aPyTorchCheckpointSaysToImportIt() throws Exception {
        for (String backbone : new String[] {"vgg19", "squeezenet1_1"}) {
            render("--backbone", backbone, "--weights", resource("tiny.pth").toString(), "--quiet")
                    .isOneLine("tiny.pth", "PyTorch checkpoint", "atelier models import");
        }
    }

    @Test
    void vgg19WeightsOfTheWrongShapesAreOneLine() throws Exception {
        Path wrong = dir.resolve("vgg19.safetensors");
        SafetensorsWriter.write(wrong, List.of(new NamedTensor("features.0.weight", new long[] {2}, new float[] {1, 2})));
        render("--backbone", "vgg19", "--weights", wrong.toString(), "--quiet")
                .isOneLine("vgg19.safetensors", "does not fit VGG19");
    }

    @Test
    void aDamagedSqueezenetFolderIsOneLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("squeezenet1_1"));
        try (var files = Files.list(TestData.squeezenet())) {
            for (Path file : files.toList()) {
                Files.write(folder.resolve(file.getFileName()), Files.readAllBytes(file));
            }
        }
        Path damaged = folder.resolve("squeezenet0_conv3_weight.npy");
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length / 2));
        render("--backbone", "squeezenet1_1", "--weights", folder.toString(), "--quiet")
                .isOneLine("squeezenet0_conv3_weight.npy", "truncated");
    }

    /** In a child JVM, where the engine's loggers start fresh as they do for a user: exit status and all it printed. */
    private static CliRun renderInChildJvm(Path weights, Path out, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-DDJL_CACHE_DIR=" + Utils.getCacheDir(),
                "-D" + app.atelier.model.WeightsSearchPath.PROPERTY + "=" + weights.getParent(),
                "-cp", System.getProperty("java.class.path"), "app.atelier.Launcher", "render",
                "--content", TestData.image("dog.jpg").toString(), "--style", TestData.image("scream.jpg").toString(),
                "--out", out.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new CliRun(process.exitValue(), "", output);
    }

    @Test
    void quietPrintsNothingAtAll() throws Exception {
        Path out = dir.resolve("quiet.png");
        CliRun run = renderInChildJvm(TestData.squeezenet(), out, "--size", "96", "--iterations", "4", "--scales", "2",
                "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).as("--quiet: the job's INFO lines and libtorch's warnings too").isEmpty();
        assertThat(out).exists();
    }

    /**
     * Weights of the right shapes holding NaN pass every check before the render and fail in the
     * engine: an expected failure, so one line and no logger WARN or ERROR, no trace.
     */
    @Test
    void weightsThatMakeTheCostNaNFailInTheEngineWithOneLineAndNoTrace() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("nan").resolve("squeezenet1_1"));
        try (var files = Files.list(TestData.squeezenet())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".npy")).toList()) {
                Files.write(folder.resolve(file.getFileName()), Files.readAllBytes(file));
            }
        }
        Path poisoned = folder.resolve("squeezenet0_conv0_weight.npy");
        NamedTensor tensor = app.atelier.model.NpyReader.read(poisoned);
        float[] nan = new float[tensor.data().length];
        Arrays.fill(nan, Float.NaN);
        app.atelier.model.NpyWriter.write(poisoned, new NamedTensor(tensor.name(), tensor.shape(), nan));
        Path out = dir.resolve("nan.png");

        CliRun run = renderInChildJvm(folder, out, "--weights", folder.toString(), "--size", "48",
                "--iterations", "3", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(run.errLines()).as(run.err()).singleElement().asString()
                .startsWith("Error: the render failed: The cost was NaN from iteration 1").contains("weights file", "not numbers");
        assertThat(out).doesNotExist();
    }
}
