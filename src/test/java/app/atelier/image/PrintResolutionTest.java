package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The physical resolution print dialogs read, in PNG (pHYs) and JPEG (JFIF) files. */
class PrintResolutionTest {

    @TempDir
    Path folder;

    private static RgbImage gradient(int width, int height) {
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            int x = i % width;
            int y = i / width;
            argb[i] = 0xFF000000 | ((x * 255 / width) << 16) | ((y * 255 / height) << 8) | 128;
        }
        return new RgbImage(width, height, argb);
    }

    @Test
    void pngCarriesItsDotsPerInchAsPixelsPerMetre() throws Exception {
        Path file = folder.resolve("print.png");
        PngWriter.write(gradient(64, 48), file, Map.of("atelier.size", "64"), 300);
        IIOMetadataNode root = metadata(file, "javax_imageio_png_1.0");
        IIOMetadataNode physical = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
        assertThat(physical.getAttribute("unitSpecifier")).isEqualTo("meter");
        assertThat(Integer.parseInt(physical.getAttribute("pixelsPerUnitXAxis"))).isEqualTo(11811);
        // The standard tree is what other programs' readers see: millimetres per pixel.
        IIOMetadataNode standard = metadata(file, "javax_imageio_1.0");
        IIOMetadataNode size = (IIOMetadataNode) standard.getElementsByTagName("HorizontalPixelSize").item(0);
        assertThat(Double.parseDouble(size.getAttribute("value"))).isCloseTo(25.4 / 300, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(PngMetadata.read(file)).containsEntry("atelier.size", "64");
    }

    @Test
    void jpegCarriesItsDotsPerInchQualityAndSettings() throws Exception {
        Path fine = folder.resolve("fine.jpg");
        Path coarse = folder.resolve("coarse.jpg");
        RgbImage picture = gradient(256, 192);
        JpegWriter.write(picture, fine, Map.of("atelier.seed", "42"), 0.95f, 240);
        JpegWriter.write(picture, coarse, Map.of(), 0.3f, 240);
        IIOMetadataNode root = metadata(fine, "javax_imageio_jpeg_image_1.0");
        IIOMetadataNode jfif = (IIOMetadataNode) root.getElementsByTagName("app0JFIF").item(0);
        assertThat(jfif.getAttribute("resUnits")).isEqualTo("1");
        assertThat(jfif.getAttribute("Xdensity")).isEqualTo("240");
        IIOMetadataNode comment = (IIOMetadataNode) root.getElementsByTagName("com").item(0);
        assertThat(comment.getAttribute("comment")).contains("atelier.seed: 42");
        assertThat(Files.size(fine)).isGreaterThan(Files.size(coarse));
        RgbImage back = ImageLoader.load(fine);
        assertThat(back.width()).isEqualTo(256);
        assertThat(Math.abs(back.red(200, 100) - picture.red(200, 100))).isLessThan(12);
    }

    private static IIOMetadataNode metadata(Path file, String format) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                IIOMetadata metadata = reader.getImageMetadata(0);
                return (IIOMetadataNode) metadata.getAsTree(format);
            } finally {
                reader.dispose();
            }
        }
    }
}
