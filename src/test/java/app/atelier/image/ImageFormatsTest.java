package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Formats other than JPEG and PNG, and pictures of extreme shape: a clear line or the right pixels. */
class ImageFormatsTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiff", "bmp"})
    void otherRasterFormatsAreRefusedByName(String format) throws Exception {
        Path file = write("picture." + format, TestPictures.encode(TestPictures.quadrants(8, 8), format));

        assertThatThrownBy(() -> ImageLoader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(format.substring(0, 3).toUpperCase(java.util.Locale.ROOT))
                .hasMessageContaining("save it as JPEG or PNG");
    }

    @Test
    void webpIsRefusedAsNoRecognisedFormat() throws Exception {
        // A RIFF/WEBP header with a VP8L chunk: no decoder for it is bundled.
        byte[] webp = {'R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 13, 0, 0, 0,
                0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xFE, 0x07, 0, 0};
        Path file = write("photo.webp", webp);

        assertThatThrownBy(() -> ImageLoader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("photo.webp")
                .hasMessageContaining("not a JPEG or PNG");
    }

    @Test
    void svgIsRefusedAsNoRecognisedFormat() throws Exception {
        Path file = write("logo.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ImageLoader.load(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("logo.svg")
                .hasMessageContaining("not a JPEG or PNG");
    }

    @Test
    void onePixelAndVeryThinPicturesLoadAsTheyAre() throws Exception {
        BufferedImage dot = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        dot.setRGB(0, 0, 0x336699);
        BufferedImage strip = new BufferedImage(8000, 16, BufferedImage.TYPE_INT_RGB);

        RgbImage one = ImageLoader.load(write("dot.png", TestPictures.encode(dot, "png")));
        RgbImage thin = ImageLoader.load(write("strip.png", TestPictures.encode(strip, "png")));

        assertThat(one.argb()).containsExactly(0xFF336699);
        assertThat(thin.width()).isEqualTo(8000);
        assertThat(thin.height()).isEqualTo(16);
    }
}
