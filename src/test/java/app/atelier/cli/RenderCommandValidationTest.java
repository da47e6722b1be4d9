package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.Defaults;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused before any weights load: one line on stderr, exit status 2. */
class RenderCommandValidationTest {

    @TempDir
    Path folder;

    Path content;
    Path style;
    Path weights;
    Path out;

    @BeforeEach
    void createInputs() throws IOException {
        content = folder.resolve("content.png");
        style = folder.resolve("style.png");
        PngWriter.write(new RgbImage(4, 3, filled(12, 0xFF336699)), content, Map.of());
        PngWriter.write(new RgbImage(3, 3, filled(9, 0xFFCC8800)), style, Map.of());
        // Holds no weights: only the tests about weights get that far.
        weights = Files.createDirectory(folder.resolve("squeezenet1_1"));
        out = folder.resolve("out.png");
    }

    private static int[] filled(int n, int argb) {
        int[] pixels = new int[n];
        Arrays.fill(pixels, argb);
        return pixels;
    }

    /** Renders the valid inputs with {@code extra} options added; --out and --weights given there win. */
    private CliRun render(String... extra) {
        List<String> extras = List.of(extra);
        List<String> args = new ArrayList<>(List.of("render", "--content", content.toString(),
                "--style", style.toString()));
        if (!extras.contains("--out")) {
            args.addAll(List.of("--out", out.toString()));
        }
        if (!extras.contains("--weights")) {
            args.addAll(List.of("--weights", weights.toString()));
        }
        args.addAll(extras);
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneLineUsageError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("Error: ").contains(fragments);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingContentFileNamesTheFile() throws IOException {
        Files.delete(content);

        CliRun run = render();

        assertOneLineUsageError(run, "--content", content.toString(), "does not exist");
    }

    @Test
    void unreadableStyleFileSaysWhy() throws IOException {
        Files.writeString(style, "this is text, not a picture");

        CliRun run = render();

        assertOneLineUsageError(run, "--style", "style.png", "not a JPEG or PNG");
    }

    @Test
    void unknownStyleLayerListsTheBackbonesLayers() {
        CliRun run = render("--style-layers", "conv0,fire9:2");

        assertOneLineUsageError(run, "unknown layer 'fire9'", "squeezenet1_1",
                String.join(", ", BackboneKind.SQUEEZENET1_1.taps()));
    }

    @Test
    void unknownContentLayerForTheChosenBackbone() throws IOException {
        Path vggFile = Files.writeString(folder.resolve("vgg19.safetensors"), "unused");

        CliRun run = render("--backbone", "vgg19", "--weights", vggFile.toString(), "--content-layer", "fire1");

        assertOneLineUsageError(run, "unknown layer 'fire1'", "vgg19", "conv4_2");
    }

    @Test
    void unknownCostModeNamesTheChoices() {
        CliRun run = render("--cost-mode", "relative");

        assertOneLineUsageError(run, "--cost-mode", "'relative'", "exact or normalized");
    }

    @Test
    void negativeStyleLayerWeightIsRefused() {
        CliRun run = render("--style-layers", "conv0:1,fire2:-0.5");

        assertOneLineUsageError(run, "fire2", ">= 0", "-0.5");
    }

    @Test
    void negativeAlphaIsRefused() {
        CliRun run = render("--alpha", "-1");

        assertOneLineUsageError(run, "--alpha", ">= 0");
    }

    @Test
    void negativeStyleBlendWeightIsRefused() {
        CliRun run = render("--style-weights", "-2");

        assertOneLineUsageError(run, "--style-weights", ">= 0");
    }

    @Test
    void styleBlendWeightsMustMatchTheStyleCount() {
        CliRun run = render("--style", style.toString(), "--style-weights", "1,2,3");

        assertOneLineUsageError(run, "--style-weights", "3", "2 --style");
    }

    @Test
    void weightsNotFoundSaysWhereItLookedAndHowToFix() {
        Path absent = folder.resolve("nowhere").resolve("squeezenet1_1");

        CliRun run = render("--weights", absent.toString());

        assertOneLineUsageError(run, "weights not found", absent.toAbsolutePath().toString(), "--weights");
    }

    @Test
    void folderWithoutWeightsIsRefused() {
        CliRun run = render();

        assertOneLineUsageError(run, "weights not found", weights.toAbsolutePath().toString(), "is not");
    }

    @Test
    void weightsNotOnTheSearchPathSaysWhereItLookedAndHowToFix() {
        assumeTrue(WeightsSearchPath.userDataFolder()
                        .flatMap(f -> WeightsSearchPath.findIn(f, BackboneKind.VGG19)).isEmpty(),
                "this machine has VGG19 weights in its user data folder");
        String before = System.getProperty(WeightsSearchPath.PROPERTY);
        System.setProperty(WeightsSearchPath.PROPERTY, folder.toString());
        try {
            // VGG19: SqueezeNet is built in and always found.
            CliRun run = CliRun.of("render", "--content", content.toString(), "--style", style.toString(),
                    "--out", out.toString(), "--backbone", "vgg19");

            assertOneLineUsageError(run, "weights not found for vgg19", "looked in " + folder,
                    WeightsSearchPath.ENV, "--weights");
        } finally {
            if (before == null) {
                System.clearProperty(WeightsSearchPath.PROPERTY);
            } else {
                System.setProperty(WeightsSearchPath.PROPERTY, before);
            }
        }
    }

    @Test
    void missingOutputFolderIsRefusedBeforeRendering() {
        Path badOut = folder.resolve("missing").resolve("out.png");

        CliRun run = render("--out", badOut.toString());

        assertOneLineUsageError(run, "--out", "missing", "does not exist");
    }

    @Test
    void tooSmallSizeIsRefused() {
        CliRun run = render("--size", "8");

        assertOneLineUsageError(run, "--size", "16");
    }

    @Test
    void sizesTheWindowRefusesAreRefusedBeforeAnyWork() {
        // Before: 20000 ran out of memory after 25 s, 100000 failed with "-1089934592". Sizes
        // above the working size go through the tiled print pass, up to print sizes.
        assertOneLineUsageError(render("--size", "20000"), "--size", "at most 12000", "20000");
        assertOneLineUsageError(render("--size", "100000"), "--size", "at most 12000");
        assertOneLineUsageError(render("--size", "3000", "--max-working-size", "5000"), "--max-working-size",
                "4096");
        assertOneLineUsageError(render("--size", "3000", "--tile", "64"), "--tile", "128");
    }

    @Test
    void thinContentPictureIsRefusedBeforeAnyWork() throws IOException {
        PngWriter.write(new RgbImage(8000, 16, filled(8000 * 16, 0xFF336699)), content, Map.of());

        CliRun run = render();

        assertOneLineUsageError(run, "content picture", "8000x16", "crop");
    }

    @Test
    void learningRateAboveTheWindowsLimitIsRefused() {
        assertOneLineUsageError(render("--lr", "1e9"), "--lr", "at most 10");
    }

    @Test
    void qualityCountsAboveTheWindowsLimitsAreRefused() {
        assertOneLineUsageError(render("--scales", "100"), "--scales", "at most 8");
        assertOneLineUsageError(render("--lbfgs-history", "100000"), "--lbfgs-history", "at most 200");
    }

    @Test
    void unknownBackboneNamesTheChoices() {
        CliRun run = render("--backbone", "resnet");

        assertOneLineUsageError(run, "resnet", "squeezenet1_1", "vgg19");
    }

    @Test
    void helpShowsTheEngineDefaults() {
        CliRun run = CliRun.of("render", "--help");

        assertThat(run.exitCode()).isZero();
        String help = run.out();
        assertThat(help).contains("--style-layers", "--content-layer", "--save-every", "--init", "--device");
        assertThat(help).contains("Default: " + Defaults.LONG_SIDE + ".");
        assertThat(help).contains("Default: " + Defaults.ITERATIONS + ".");
        assertThat(help).contains("Default: " + Defaults.SEED + ".");
        assertThat(help).contains("Default: " + Defaults.BACKBONE.id() + ".");
        String contentLayers = String.join(",", Defaults.parameters(Defaults.BACKBONE).contentLayers());
        assertThat(help).contains(contentLayers);
        assertThat(help).doesNotContain("${");
    }
}
