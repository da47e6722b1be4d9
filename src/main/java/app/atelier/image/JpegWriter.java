package app.atelier.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.w3c.dom.Node;

/**
 * Saves very large pictures as JPEG (a 6000 px PNG runs to 50–100 MB), atomically like
 * {@link PngWriter}, with the physical resolution in the JFIF header and the settings as one
 * comment of "key: value" lines.
 */
public final class JpegWriter {

    private static final String JPEG_FORMAT = "javax_imageio_jpeg_image_1.0";

    private JpegWriter() {
    }

    /**
     * @param quality     0.1 to 1.0 (1.0 is the least compressed)
     * @param dotsPerInch 0 for none
     */
    public static void write(RgbImage image, Path target, Map<String, String> text, float quality, int dotsPerInch)
            throws IOException {
        if (!(quality >= 0.1f && quality <= 1f)) {
            throw new IllegalArgumentException("JPEG quality must be between 0.1 and 1, got " + quality);
        }
        PngWriter.writeAtomically(target, out -> encode(image, text, quality, dotsPerInch, out));
    }

    private static void encode(RgbImage image, Map<String, String> text, float quality, int dotsPerInch,
                               OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var buffered = AwtImages.toBufferedImage(image);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(buffered),
                    parameters);
            Node root = metadata.getAsTree(JPEG_FORMAT);
            if (dotsPerInch > 0) {
                IIOMetadataNode jfif = (IIOMetadataNode) ((IIOMetadataNode) root).getElementsByTagName("app0JFIF").item(0);
                jfif.setAttribute("resUnits", "1");
                jfif.setAttribute("Xdensity", Integer.toString(Math.min(dotsPerInch, 65535)));
                jfif.setAttribute("Ydensity", Integer.toString(Math.min(dotsPerInch, 65535)));
            }
            if (!text.isEmpty()) {
                IIOMetadataNode comment = new IIOMetadataNode("com");
                comment.setAttribute("comment", text.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
                ((IIOMetadataNode) root).getElementsByTagName("markerSequence").item(0).appendChild(comment);
            }
            metadata.setFromTree(JPEG_FORMAT, root);
            writer.write(null, new IIOImage(buffered, null, metadata), parameters);
        } finally {
            writer.dispose();
        }
    }
}
