package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.settings.Pictures;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --settings}: a saved picture or a preset as the starting point, real SqueezeNet renders at 48-64 px. */
class RenderSettingsFileTest {

    @TempDir
    Path folder;

    private static CliRun render(String... options) {
        List<String> args = new ArrayList<>(List.of("render", "--weights", TestData.squeezenet().toString(), "--quiet"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aRenderRepeatsToTheSamePixelsFromItsOwnPicture_andAnOptionGivenChangesJustThat() throws Exception {
        Path first = folder.resolve("first.png");
        CliRun made = render("--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--style", TestData.image("wave.jpg").toString(),
                "--style-weights", "2,1", "--out", first.toString(), "--size", "64", "--iterations", "3",
                "--seed", "9", "--alpha", "2", "--tv", "0.001", "--content-layer", "fire2",
                "--style-layers", "conv0:1,fire2:0.5", "--init", "noise", "--ema", "0.5", "--device", "cpu");
        assertThat(made.exitCode()).as(made.err()).isZero();

        Path again = folder.resolve("again.png");
        CliRun repeated = render("--settings", first.toString(), "--out", again.toString());
        assertThat(repeated.exitCode()).as(repeated.err()).isZero();
        assertThat(ImageLoader.load(again).argb()).as("same settings, seed and machine: same pixels")
                .isEqualTo(ImageLoader.load(first).argb());
        assertThat(SettingsCodec.read(again)).isEqualTo(SettingsCodec.read(first));

        Path reseeded = folder.resolve("reseeded.png");
        CliRun changed = render("--settings", first.toString(), "--seed", "10", "--out", reseeded.toString());
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        RenderSettings before = SettingsCodec.read(first).settings();
        RenderSettings after = SettingsCodec.read(reseeded).settings();
        assertThat(after.seed()).isEqualTo(10);
        assertThat(after).usingRecursiveComparison().ignoringFields("seed").isEqualTo(before);
        assertThat(ImageLoader.load(reseeded).argb()).isNotEqualTo(ImageLoader.load(first).argb());
    }

    @Test
    void aPresetGivesTheSettingsAndTheCommandLineThePictures() throws Exception {
        RenderSettings defaults = RenderSettings.defaults();
        RenderSettings chosen = new RenderSettings(defaults.backbone(), "CPU", List.of("fire3"),
                defaults.styleLayers(), 1.5, 0.004, 0.0005, 0.02, 48, "STYLE", 2, 77, defaults.quality(), "exact");
        Path preset = folder.resolve("preset.json");
        SettingsCodec.write(SettingsDocument.preset(chosen), preset);
        Path out = folder.resolve("out.png");

        CliRun run = render("--settings", preset.toString(), "--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SettingsDocument saved = SettingsCodec.read(out);
        assertThat(saved.settings()).usingRecursiveComparison().ignoringFields("styleLayers")
                .isEqualTo(chosen);
        assertThat(saved.settings().enabledStyleLayers()).isEqualTo(chosen.enabledStyleLayers());
        assertThat(ImageLoader.load(out).longSide()).isEqualTo(48);
    }

    @Test
    void aPictureThatIsGoneOrAFileWithoutSettingsIsOneClearLine() throws Exception {
        Path gone = folder.resolve("gone.jpg");
        SettingsDocument document = SettingsDocument.of(RenderSettings.defaults(),
                new Pictures(Pictures.picture(gone), List.of(Pictures.picture(gone).withWeight(1)), null), 3);
        Path settings = folder.resolve("gone-settings.json");
        SettingsCodec.write(document, settings);

        CliRun missing = render("--settings", settings.toString(), "--out", folder.resolve("o.png").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).as(missing.err()).hasSize(1);
        assertThat(missing.errLines().get(0)).contains("gone.jpg", "--content");

        Path notes = Files.writeString(folder.resolve("notes.json"), "[1, 2]");
        CliRun notSettings = render("--settings", notes.toString(), "--out", folder.resolve("o.png").toString());
        assertThat(notSettings.exitCode()).isEqualTo(2);
        assertThat(notSettings.errLines()).as(notSettings.err()).hasSize(1);
        assertThat(notSettings.errLines().get(0)).contains("--settings", "notes.json", "not an Atelier settings file");
    }

    @Test
    void aPictureRenderMadeBeforeTheOneFormatRendersAgain() throws Exception {
        Path legacy = Path.of(RenderSettingsFileTest.class.getResource("/app/atelier/settings/legacy/render-v1.png").toURI());
        assumeTrue(Files.isRegularFile(Path.of("/work/shared/images/wave.jpg")),
                "render-v1.png names its pictures under /work/shared/images");
        Path out = folder.resolve("legacy-again.png");

        CliRun run = render("--settings", legacy.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        SettingsDocument saved = SettingsCodec.read(out);
        assertThat(saved.settings()).isEqualTo(SettingsCodec.read(legacy).settings());
        assertThat(saved.pictures().styles()).extracting(Pictures.StylePicture::weight).containsExactly(2.0, 1.0);
    }
}
