package app.atelier.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.w3c.dom.Node;

/** Reads the text chunks (tEXt, zTXt, iTXt) of a PNG file, such as the settings of a render. */
public final class PngMetadata {

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private PngMetadata() {
    }

    /** Keyword to text, in file order; empty when the PNG has no text. */
    public static Map<String, String> read(Path file) throws ImageLoadException {
        try (InputStream in = Files.newInputStream(file);
             ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
            var readers = ImageIO.getImageReadersByFormatName("png");
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, false);
                Node root = reader.getImageMetadata(0).getAsTree(PNG_FORMAT);
                Map<String, String> text = new LinkedHashMap<>();
                for (Node chunk = root.getFirstChild(); chunk != null; chunk = chunk.getNextSibling()) {
                    collect(chunk, text);
                }
                return text;
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new ImageLoadException("Cannot read " + file + ": the file does not exist", e);
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException("Cannot read " + file + ": not a readable PNG (" + e.getMessage() + ")", e);
        }
    }

    private static void collect(Node chunk, Map<String, String> text) {
        String valueAttribute = switch (chunk.getNodeName()) {
            case "tEXt", "zTXt" -> "value";
            case "iTXt" -> "text";
            default -> null;
        };
        if (valueAttribute == null) {
            return;
        }
        for (Node entry = chunk.getFirstChild(); entry != null; entry = entry.getNextSibling()) {
            var attributes = entry.getAttributes();
            text.put(attributes.getNamedItem("keyword").getNodeValue(),
                    attributes.getNamedItem(valueAttribute).getNodeValue());
        }
    }
}
