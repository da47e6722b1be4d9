package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.PngMetadata;
import app.atelier.engine.StyleLayer;
import app.atelier.image.RgbImage;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render} with the real engine and SqueezeNet weights at a tiny size. */
class RenderCommandEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void writesThePictureWithItsSettingsAndShowsProgress() throws IOException {
        Path weights = TestData.squeezenet();
        Path content = TestData.image("dog.jpg");
        Path style = TestData.image("scream.jpg");
        Path out = folder.resolve("dog-scream.png");

        CliRun run = CliRun.of("render", "--content", content.toString(), "--style", style.toString(),
                "--out", out.toString(), "--weights", weights.toString(), "--size", "64",
                "--iterations", "5", "--seed", "3", "--alpha", "2", "--style-layers", "conv0:1,fire2:0.5",
                "--init", "noise", "--save-every", "2", "--log-every", "1", "--device", "cpu");

        assertThat(run.exitCode()).as(run.err()).isZero();
        RgbImage picture = ImageLoader.load(out);
        assertThat(picture.longSide()).isEqualTo(64);
        SettingsDocument saved = SettingsCodec.read(out);
        RenderSettings settings = saved.settings();
        assertThat(saved.pictures().content().path()).isEqualTo(content.toAbsolutePath().normalize().toString());
        assertThat(saved.pictures().styles()).singleElement()
                .satisfies(s -> assertThat(s.path()).isEqualTo(style.toAbsolutePath().normalize().toString()));
        assertThat(settings.size()).isEqualTo(64);
        assertThat(settings.iterations()).isEqualTo(5);
        assertThat(saved.iteration()).isEqualTo(5);
        assertThat(settings.seed()).isEqualTo(3);
        assertThat(settings.alpha()).isEqualTo(2);
        assertThat(settings.enabledStyleLayers()).containsExactly(new StyleLayer("conv0", 1), new StyleLayer("fire2", 0.5));
        assertThat(settings.init()).isEqualTo("NOISE");
        assertThat(settings.backbone()).isEqualTo("squeezenet1_1");
        assertThat(PngMetadata.read(out)).containsOnlyKeys("Software", SettingsCodec.PNG_KEY);
        RgbImage photo = ImageResizer.toLongSide(ImageLoader.load(content), 64);
        assertThat(picture.argb()).as("the render must not be the photo itself").isNotEqualTo(photo.argb());

        assertThat(run.err()).contains("5/5", "it/s", "iter 1/5", "iter 5/5", "style");
        assertThat(run.out()).contains("Wrote " + out);
        try (Stream<Path> files = Files.list(folder)) {
            List<String> snapshots = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("dog-scream-\\d{4}\\.png")).toList();
            assertThat(snapshots).isNotEmpty().allMatch(name -> name.compareTo("dog-scream-0005.png") <= 0);
        }
    }
}
