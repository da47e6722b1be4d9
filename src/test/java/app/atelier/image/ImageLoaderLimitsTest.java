package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a picture file may make the loader do: bytes read, pixels declared, pixels decoded. */
class ImageLoaderLimitsTest {

    @TempDir
    Path dir;

    @Test
    void deviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this system");

        // Before: its reported size is 0, so the 512 MB cap passed and reading ran out of memory.
        assertThatThrownBy(() -> ImageLoader.load(zero))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("/dev/zero")
                .hasMessageContaining("not a regular file");
    }

    @Test
    void fileReportingNoSizeIsCappedByTheBytesActuallyRead() {
        // Files under /proc report size 0 yet hold data, like a device would.
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isRegularFile(maps), "no /proc on this system");

        DecodeLimits tiny = new DecodeLimits(100, DecodeLimits.STANDARD.maxPixels(),
                DecodeLimits.STANDARD.maxDecodedPixels());
        assertThatThrownBy(() -> ImageLoader.load(maps, tiny))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("maps")
                .hasMessageContaining("larger than");
    }

    @Test
    void pictureAboveTheDecodeBudgetIsDecodedSubsampledWithItsLayout() throws Exception {
        Path file = dir.resolve("wide.png");
        Files.write(file, TestPictures.encode(TestPictures.quadrants(400, 300), "png"));
        DecodeLimits budget = new DecodeLimits(DecodeLimits.STANDARD.maxFileBytes(),
                DecodeLimits.STANDARD.maxPixels(), 40_000);

        RgbImage image = ImageLoader.load(file, budget);

        assertThat(image.width()).isEqualTo(200);
        assertThat(image.height()).isEqualTo(150);
        assertThat(image.argb()[0] & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.argb()[199] & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(image.argb()[149 * 200] & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(image.argb()[150 * 200 - 1] & 0xFFFFFF).isEqualTo(0xFFFF00);
    }

    @Test
    void phonePhotoOf108MegapixelsLoadsWithinTheDecodeBudget() throws Exception {
        // 12000 x 9000, as a 108 MP phone camera writes; grey keeps the test's own memory small.
        BufferedImage photo = new BufferedImage(12_000, 9_000, BufferedImage.TYPE_BYTE_GRAY);
        var graphics = photo.createGraphics();
        graphics.setColor(java.awt.Color.DARK_GRAY);
        graphics.fillRect(0, 0, 6_000, 9_000);
        graphics.setColor(java.awt.Color.LIGHT_GRAY);
        graphics.fillRect(6_000, 0, 6_000, 9_000);
        graphics.dispose();
        Path file = dir.resolve("phone.jpg");
        Files.write(file, TestPictures.encode(photo, "jpg"));
        photo = null;

        RgbImage image = ImageLoader.load(file);

        assertThat((long) image.width() * image.height()).isLessThanOrEqualTo(DecodeLimits.STANDARD.maxDecodedPixels());
        assertThat(image.width() * 3).isEqualTo(image.height() * 4);
        assertThat(image.width()).isGreaterThanOrEqualTo(4_000);
        assertThat(image.red(10, 10)).isBetween(54, 74);
        assertThat(image.red(image.width() - 10, 10)).isBetween(182, 202);
    }
}
