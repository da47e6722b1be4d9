package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.PngMetadata;
import app.atelier.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        Map<String, String> settings = PngMetadata.read(out);
        assertThat(settings)
                .containsEntry("atelier.content", content.toString())
                .containsEntry("atelier.style", style.toString())
                .containsEntry("atelier.size", "64")
                .containsEntry("atelier.iterations", "5")
                .containsEntry("atelier.seed", "3")
                .containsEntry("atelier.alpha", "2")
                .containsEntry("atelier.style-layers", "conv0:1,fire2:0.5")
                .containsEntry("atelier.init", "noise")
                .containsEntry("atelier.backbone", "squeezenet1_1")
                .containsKeys("atelier.beta", "atelier.tv", "atelier.lr", "atelier.content-layer")
                .doesNotContainKey("atelier.iterations-planned");
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
