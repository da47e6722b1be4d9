package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The render-quality options of {@code render}, end to end with SqueezeNet at a tiny size. */
class RenderQualityOptionsTest {

    @TempDir
    Path folder;

    @Test
    void rendersWithEveryQualityOptionAndRecordsThem() throws Exception {
        Path mask = folder.resolve("mask.png");
        int[] white = new int[8 * 8];
        Arrays.fill(white, 0xFFFFFFFF);
        PngWriter.write(new RgbImage(8, 8, white), mask, Map.of());
        Path out = folder.resolve("quality.png");

        CliRun run = CliRun.of("render", "--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--out", out.toString(),
                "--weights", TestData.squeezenet().toString(), "--size", "64", "--device", "cpu",
                "--optimizer", "lbfgs", "--lbfgs-history", "5", "--lbfgs-tolerance", "1e-4,1e-6", "--scales", "2", "--iterations-per-scale", "2",
                "--ema", "0.9", "--original-colors", "--match-histogram", "--style-scale", "0.5",
                "--mask", mask.toString(), "--log-every", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageLoader.load(out).longSide()).isEqualTo(64);
        assertThat(run.err()).contains("4/4");
        SettingsDocument saved = SettingsCodec.read(out);
        assertThat(saved.settings().quality()).isEqualTo(new RenderSettings.QualitySetting("LBFGS", 5, 1e-4, 1e-6,
                2, 2, 0.9, true, true, 0.5, "MAX", true, false));
        assertThat(saved.settings().iterations()).isEqualTo(4);
        assertThat(saved.pictures().mask().path()).isEqualTo(mask.toAbsolutePath().normalize().toString());
    }

    @Test
    void badQualityValuesGetOneClearLine() throws Exception {
        Path content = folder.resolve("c.png");
        int[] pixels = new int[16];
        Arrays.fill(pixels, 0xFF336699);
        PngWriter.write(new RgbImage(4, 4, pixels), content, Map.of());
        String[][] cases = {
                {"--ema", "1", "--ema"},
                {"--scales", "0", "--scales"},
                {"--style-scale", "0", "--style-scale"},
                {"--iterations-per-scale", "0", "--iterations-per-scale"},
                {"--optimizer", "sgd", "--optimizer"},
                {"--lbfgs-tolerance", "1e-5", "--lbfgs-tolerance"},
                {"--mask", folder.resolve("missing.png").toString(), "--mask"},
        };
        for (String[] bad : cases) {
            CliRun run = CliRun.of("render", "--content", content.toString(), "--style", content.toString(),
                    "--out", folder.resolve("o.png").toString(), bad[0], bad[1]);
            assertThat(run.exitCode()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
            assertThat(run.errLines().get(0)).startsWith("Error: ").contains(bad[2]);
        }
    }
}
