package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.settings.PrintSetting;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --size} above the working size records how the print was tiled in its settings document. */
class RenderPrintDocumentTest {

    @TempDir
    Path folder;

    @Test
    void aTiledPrintsDocumentHoldsItsWorkingSizeTilesStepsSweepsAndDpi() throws Exception {
        Path out = folder.resolve("print.png");
        CliRun run = CliRun.of("render", "--weights", TestData.squeezenet().toString(), "--quiet",
                "--content", TestData.image("dog.jpg").toString(), "--style", TestData.image("scream.jpg").toString(),
                "--size", "256", "--max-working-size", "128", "--tile", "128", "--tile-iterations", "2",
                "--iterations", "4", "--dpi", "200", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SettingsDocument document = SettingsCodec.read(out);
        assertThat(document.settings().size()).isEqualTo(256);
        assertThat(document.print()).isEqualTo(new PrintSetting(128, 128, 2, 1, 200));
        assertThat(ImageLoader.load(out).longSide()).isEqualTo(256);

        Path whole = folder.resolve("whole.png");
        CliRun small = CliRun.of("render", "--weights", TestData.squeezenet().toString(), "--quiet",
                "--content", TestData.image("dog.jpg").toString(), "--style", TestData.image("scream.jpg").toString(),
                "--size", "64", "--iterations", "2", "--out", whole.toString());
        assertThat(small.exitCode()).as(small.err()).isZero();
        assertThat(SettingsCodec.read(whole).print()).as("a render made whole is no print").isNull();
    }
}
