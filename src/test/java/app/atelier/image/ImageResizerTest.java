package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageResizerTest {

    private static RgbImage checkerboard(int width, int height) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = ((x + y) % 2 == 0) ? 0xFFFFFFFF : 0xFF000000;
            }
        }
        return new RgbImage(width, height, argb);
    }

    @Test
    void longSideKeepsAspectRatio() {
        RgbImage landscape = ImageResizer.toLongSide(checkerboard(400, 300), 160);
        assertThat(landscape.width()).isEqualTo(160);
        assertThat(landscape.height()).isEqualTo(120);
        RgbImage portrait = ImageResizer.toLongSide(checkerboard(300, 400), 160);
        assertThat(portrait.width()).isEqualTo(120);
        assertThat(portrait.height()).isEqualTo(160);
    }

    @Test
    void strongShrinkAveragesInsteadOfAliasing() {
        // A one-pixel checkerboard shrunk 8x: sampling would give pure black or white; averaging gives grey.
        RgbImage small = ImageResizer.toLongSide(checkerboard(512, 512), 64);
        for (int y = 4; y < 60; y += 7) {
            for (int x = 4; x < 60; x += 7) {
                assertThat(small.red(x, y)).as("pixel %d,%d", x, y).isBetween(100, 155);
            }
        }
    }

    @Test
    void sameSizeReturnsTheSamePixels() {
        RgbImage image = checkerboard(10, 6);
        assertThat(ImageResizer.resize(image, 10, 6).argb()).isEqualTo(image.argb());
    }

    @Test
    void enlargingKeepsFlatColours() {
        int[] argb = new int[4 * 4];
        java.util.Arrays.fill(argb, 0xFF336699);
        RgbImage big = ImageResizer.resize(new RgbImage(4, 4, argb), 13, 9);
        assertThat(big.width()).isEqualTo(13);
        assertThat(big.height()).isEqualTo(9);
        assertThat(big.argb()).containsOnly(0xFF336699);
    }

    @Test
    void nonPositiveSizesAreRejected() {
        RgbImage image = checkerboard(4, 4);
        assertThatThrownBy(() -> ImageResizer.toLongSide(image, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageResizer.resize(image, 3, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
