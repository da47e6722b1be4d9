package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared sample photos and paintings load at their full size with real colour in them. */
class SampleImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dog.jpg", "horses.jpg", "scream.jpg", "shipwreck.jpg"})
    void sampleLoadsAtHeaderSize(String name) throws Exception {
        Path file = TestData.image(name);
        int[] header = headerSize(file);

        RgbImage image = ImageLoader.load(file);

        // None of the samples carries a turning EXIF orientation, so the header size is the shown size.
        assertThat(new int[] {image.width(), image.height()}).containsExactly(header);
        long distinct = java.util.Arrays.stream(image.argb()).distinct().count();
        assertThat(distinct).as("distinct colours in %s", name).isGreaterThan(1000);
        assertThat(java.util.Arrays.stream(image.argb()).allMatch(p -> (p >>> 24) == 0xFF)).isTrue();
    }

    private static int[] headerSize(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        }
    }
}
