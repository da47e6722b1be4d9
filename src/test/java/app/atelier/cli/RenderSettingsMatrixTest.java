package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers no render can use (NaN, infinities, negative, zero, huge) are refused before any
 * weights load: exit 2, one line naming the option, nothing written. The rows of the settings
 * matrix in docs/robustness.md.
 */
class RenderSettingsMatrixTest {

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
        int[] pixels = new int[64 * 48];
        Arrays.fill(pixels, 0xFF336699);
        PngWriter.write(new RgbImage(64, 48, pixels), content, Map.of());
        PngWriter.write(new RgbImage(64, 48, pixels), style, Map.of());
        weights = Files.createDirectory(folder.resolve("squeezenet1_1"));
        out = folder.resolve("out.png");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "--alpha|NaN|--alpha",
            "--alpha|Infinity|--alpha",
            "--alpha|-1|--alpha",
            "--beta|NaN|--beta",
            "--beta|-Infinity|--beta",
            "--tv|NaN|--tv",
            "--lr|NaN|--lr",
            "--lr|0|--lr",
            "--lr|-0.5|--lr",
            "--lr|Infinity|--lr",
            "--size|0|--size",
            "--size|-5|--size",
            "--size|2147483647|--size",
            "--size|99999999999|--size",
            "--iterations|0|--iterations",
            "--iterations|-1|--iterations",
            "--style-weights|NaN|--style-weights",
            "--style-layers|fire2:NaN|fire2",
            "--style-layers|fire2:Infinity|fire2",
            "--ema|NaN|--ema",
            "--ema|1|--ema",
            "--style-scale|0|--style-scale",
            "--style-scale|Infinity|--style-scale",
            "--scales|0|--scales",
            "--save-every|-1|--save-every",
            "--log-every|0|--log-every",
            "--seed|abc|--seed",
    })
    void unusableNumberIsRefusedInOneLine(String option, String value, String named) {
        List<String> args = new ArrayList<>(List.of("render", "--content", content.toString(),
                "--style", style.toString(), "--out", out.toString(), "--weights", weights.toString(), option, value));

        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as(run.err()).singleElement().asString().startsWith("Error: ").contains(named);
        assertThat(out).doesNotExist();
    }
}
