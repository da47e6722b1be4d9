package app.atelier.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reads JPEG and PNG files into {@link RgbImage}s. FIRST CUT: EXIF orientation and limits to come. */
public final class ImageLoader {

    private ImageLoader() {
    }

    public static RgbImage load(Path file) throws ImageLoadException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new ImageLoadException("Cannot read " + file + ": the file does not exist", e);
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageLoadException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @param name how to call the picture in error messages (a file name or URL) */
    public static RgbImage load(InputStream in, String name) throws ImageLoadException {
        BufferedImage image;
        try {
            image = ImageIO.read(in);
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException("Cannot read " + name + ": the image data is damaged (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new ImageLoadException("Cannot read " + name + ": not a JPEG or PNG image");
        }
        return AwtImages.fromBufferedImage(image);
    }
}
