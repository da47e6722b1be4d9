package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.io.ByteArrayOutputStream;
import java.awt.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageLoaderTest {

    @TempDir
    Path dir;

    private RgbImage load(byte[] bytes, String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return ImageLoader.load(file);
    }

    private static int[] rgb(RgbImage image, int x, int y) {
        return new int[] {image.red(x, y), image.green(x, y), image.blue(x, y)};
    }

    @Test
    void greyPngKeepsItsStoredLevels() throws Exception {
        BufferedImage grey = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 100);
        grey.getRaster().setSample(3, 2, 0, 230);
        RgbImage image = load(TestPictures.encode(grey, "png"), "grey.png");
        assertThat(image.width()).isEqualTo(4);
        assertThat(image.height()).isEqualTo(3);
        assertThat(rgb(image, 0, 0)).containsExactly(100, 100, 100);
        assertThat(rgb(image, 3, 2)).containsExactly(230, 230, 230);
        assertThat(rgb(image, 1, 1)).containsExactly(0, 0, 0);
    }

    @Test
    void sixteenBitGreyPngIsScaledToEightBits() throws Exception {
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        grey.getRaster().setSample(0, 0, 0, 0x8080);
        grey.getRaster().setSample(1, 0, 0, 0xFFFF);
        RgbImage image = load(TestPictures.encode(grey, "png"), "grey16.png");
        assertThat(rgb(image, 0, 0)).containsExactly(128, 128, 128);
        assertThat(rgb(image, 1, 0)).containsExactly(255, 255, 255);
    }

    @Test
    void sixteenBitRgbPngIsScaledToEightBits() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                false, false, java.awt.Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 0, 0x8080});
        raster.setPixel(1, 0, new int[] {0x1414, 0xC8C8, 0xFFFF});
        BufferedImage deep = new BufferedImage(model, raster, false, null);
        byte[] png = TestPictures.encode(deep, "png");
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getColorModel().getComponentSize(0)).isEqualTo(16);

        RgbImage image = load(png, "rgb16.png");
        assertThat(rgb(image, 0, 0)).containsExactly(255, 0, 128);
        assertThat(rgb(image, 1, 0)).containsExactly(20, 200, 255);
    }

    @Test
    void palettePngBecomesRgbWithTransparentEntriesWhite() throws Exception {
        byte[] r = {(byte) 200, 0, 0};
        byte[] g = {10, (byte) 150, 0};
        byte[] b = {20, (byte) 250, 0};
        byte[] a = {(byte) 255, (byte) 255, 0};
        IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, a);
        BufferedImage indexed = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        indexed.getRaster().setSample(0, 0, 0, 0);
        indexed.getRaster().setSample(1, 0, 0, 1);
        indexed.getRaster().setSample(2, 0, 0, 2);
        byte[] png = TestPictures.encode(indexed, "png");
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getColorModel()).isInstanceOf(IndexColorModel.class);

        RgbImage image = load(png, "palette.png");
        assertThat(rgb(image, 0, 0)).containsExactly(200, 10, 20);
        assertThat(rgb(image, 1, 0)).containsExactly(0, 150, 250);
        assertThat(rgb(image, 2, 0)).containsExactly(255, 255, 255);
    }

    @Test
    void alphaIsCompositedOverWhite() throws Exception {
        BufferedImage argb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0xFF102030);   // opaque
        argb.setRGB(1, 0, 0x80FF0000);   // half red
        argb.setRGB(2, 0, 0x00000000);   // fully transparent black
        RgbImage image = load(TestPictures.encode(argb, "png"), "alpha.png");
        assertThat(rgb(image, 0, 0)).containsExactly(0x10, 0x20, 0x30);
        // 255·a + 255·(1 − a) for red, 0·a + 255·(1 − a) for green/blue with a = 128/255.
        assertThat(rgb(image, 1, 0)).containsExactly(255, 127, 127);
        assertThat(rgb(image, 2, 0)).containsExactly(255, 255, 255);
        assertThat(Arrays.stream(image.argb()).allMatch(p -> (p >>> 24) == 0xFF)).isTrue();
    }

    @Test
    void greyWithAlphaPngIsCompositedOverWhite() throws Exception {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true, false, java.awt.Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {60, 255});
        raster.setPixel(1, 0, new int[] {0, 0});
        RgbImage image = load(TestPictures.encode(new BufferedImage(model, raster, false, null), "png"), "greyalpha.png");
        assertThat(rgb(image, 0, 0)).containsExactly(60, 60, 60);
        assertThat(rgb(image, 1, 0)).containsExactly(255, 255, 255);
    }

    @Test
    void jpegWithoutExifIsAsStored() throws Exception {
        RgbImage image = load(TestPictures.encode(TestPictures.quadrants(64, 32), "jpg"), "plain.jpg");
        assertThat(image.width()).isEqualTo(64);
        assertQuadrants(image, "RGBY");
    }

    /**
     * Expected quadrants (top-left, top-right, bottom-left, bottom-right) of the upright picture,
     * worked out from the EXIF specification's meaning of each value for a stored picture with
     * red, green / blue, yellow quadrants.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 64, 32, RGBY",
        "2, 64, 32, GRYB",   // mirrored left-right
        "3, 64, 32, YBGR",   // turned half round
        "4, 64, 32, BYRG",   // mirrored top-bottom
        "5, 32, 64, RBGY",   // mirrored along the main diagonal
        "6, 32, 64, BRYG",   // must be turned 90° clockwise
        "7, 32, 64, YGBR",   // mirrored along the other diagonal
        "8, 32, 64, GYRB",   // must be turned 90° anticlockwise
    })
    void exifOrientationIsApplied(int orientation, int width, int height, String quadrants) throws Exception {
        byte[] jpeg = TestPictures.withExifOrientation(TestPictures.encode(TestPictures.quadrants(64, 32), "jpg"), orientation);
        assertThat(ExifOrientation.of(jpeg).tagValue()).isEqualTo(orientation);

        RgbImage image = load(jpeg, "oriented" + orientation + ".jpg");
        assertThat(image.width()).isEqualTo(width);
        assertThat(image.height()).isEqualTo(height);
        assertQuadrants(image, quadrants);
    }

    private static void assertQuadrants(RgbImage image, String expected) {
        int w = image.width();
        int h = image.height();
        int[][] centres = {{w / 4, h / 4}, {3 * w / 4, h / 4}, {w / 4, 3 * h / 4}, {3 * w / 4, 3 * h / 4}};
        for (int i = 0; i < 4; i++) {
            int[] colour = switch (expected.charAt(i)) {
                case 'R' -> new int[] {255, 0, 0};
                case 'G' -> new int[] {0, 255, 0};
                case 'B' -> new int[] {0, 0, 255};
                case 'Y' -> new int[] {255, 255, 0};
                default -> throw new IllegalArgumentException(expected);
            };
            int[] actual = rgb(image, centres[i][0], centres[i][1]);
            for (int c = 0; c < 3; c++) {
                assertThat(Math.abs(actual[c] - colour[c]))
                        .as("quadrant %d of %s: got %s", i, expected, Arrays.toString(actual))
                        .isLessThan(40);
            }
        }
    }

    @Test
    void twelveMonkeysJpegReaderIsRegisteredFirst() {
        assertThat(ImageIO.getImageReadersByFormatName("jpeg").next().getClass().getName())
                .startsWith("com.twelvemonkeys.");
    }

    @Test
    void adobeCmykJpegIsDecodedToRgb() throws Exception {
        // Photoshop stores CMYK inverted (255 = no ink): this is pure magenta + yellow ink, i.e. red.
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, new Point());
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                cmyk.setPixel(x, y, new int[] {255, 0, 0, 255});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
        RgbImage image = load(TestPictures.withAdobeCmykMarker(bytes.toByteArray()), "cmyk.jpg");
        assertThat(image.width()).isEqualTo(16);
        int[] centre = rgb(image, 8, 8);
        assertThat(centre[0]).as(Arrays.toString(centre)).isGreaterThan(200);
        assertThat(centre[1]).as(Arrays.toString(centre)).isLessThan(60);
        assertThat(centre[2]).as(Arrays.toString(centre)).isLessThan(60);
    }

    @Test
    void truncatedPngIsRejectedNamingTheFile() throws Exception {
        BufferedImage noise = noise(120, 80);
        byte[] png = TestPictures.encode(noise, "png");
        byte[] cut = Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> load(cut, "cut.png"))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("cut.png")
                .hasMessageContaining("cut off");
    }

    @Test
    void truncatedJpegIsRejectedNamingTheFile() throws Exception {
        byte[] jpeg = TestPictures.encode(noise(120, 80), "jpg");
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThatThrownBy(() -> load(cut, "cut.jpg"))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("cut.jpg")
                .hasMessageContaining("cut off");
    }

    @Test
    void textFileNamedPngIsRejected() {
        assertThatThrownBy(() -> load("this is not a picture\n".getBytes(StandardCharsets.UTF_8), "notes.png"))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("notes.png")
                .hasMessageContaining("not a JPEG or PNG");
    }

    @Test
    void gifIsRefusedAsUnsupported() {
        byte[] gif = TestPictures.encode(noise(8, 8), "gif");
        assertThatThrownBy(() -> load(gif, "anim.gif"))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("anim.gif")
                .hasMessageContaining("GIF")
                .hasMessageContaining("not supported");
    }

    @Test
    void emptyAndMissingFilesAndFoldersAreRejected() {
        assertThatThrownBy(() -> load(new byte[0], "empty.jpg"))
                .isInstanceOf(ImageLoadException.class).hasMessageContaining("empty.jpg").hasMessageContaining("empty");
        assertThatThrownBy(() -> ImageLoader.load(dir.resolve("nowhere.png")))
                .isInstanceOf(ImageLoadException.class).hasMessageContaining("nowhere.png").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ImageLoader.load(dir))
                .isInstanceOf(ImageLoadException.class).hasMessageContaining("folder");
    }

    @Test
    void hugePngHeaderIsRefusedBeforeDecoding() {
        byte[] png = TestPictures.pngWithHeaderSize(TestPictures.encode(noise(4, 4), "png"), 50_000, 50_000);
        assertThatThrownBy(() -> load(png, "bomb.png"))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("50000x50000")
                .hasMessageContaining("limit of 250 megapixels");
    }

    @Test
    void hugeJpegHeaderIsRefusedBeforeDecoding() {
        byte[] jpeg = TestPictures.jpegWithFrameSize(TestPictures.encode(noise(16, 16), "jpg"), 60_000, 60_000);
        assertThatThrownBy(() -> ImageLoader.load(new ByteArrayInputStream(jpeg), "bomb.jpg"))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("bomb.jpg")
                .hasMessageContaining("60000x60000")
                .hasMessageContaining("limit of 250 megapixels");
    }

    @Test
    void streamAndFileGiveTheSamePixels() throws Exception {
        byte[] png = TestPictures.encode(noise(20, 10), "png");
        RgbImage fromStream = ImageLoader.load(new ByteArrayInputStream(png), "noise.png");
        RgbImage fromFile = load(png, "noise.png");
        assertThat(fromStream.argb()).isEqualTo(fromFile.argb());
        assertThat(fromStream.argb()).isEqualTo(
                AwtImages.fromBufferedImage(ImageIO.read(new ByteArrayInputStream(png))).argb());
    }

    private static BufferedImage noise(int width, int height) {
        Random random = new Random(7);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
