package app.atelier.cli.bench;

import app.atelier.image.ImageLoadException;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's content and style pictures: given files, else the shared sample images found the
 * way the tests find them (an {@code images/} folder beside each configured models folder, then
 * ../shared/images).
 */
public final class BenchImages {

    public static final String CONTENT = "dog.jpg";
    public static final String STYLE = "scream.jpg";

    private BenchImages() {
    }

    /** The picture at {@code given}, or the named sample, or empty when neither exists. */
    public static Optional<Path> locate(Path given, String sample) {
        if (given != null) {
            return Optional.of(given);
        }
        List<Path> candidates = new ArrayList<>();
        for (Path models : WeightsSearchPath.standard().folders()) {
            Path parent = models.toAbsolutePath().getParent();
            if (parent != null) {
                candidates.add(parent.resolve("images").resolve(sample));
            }
        }
        candidates.add(Path.of("..", "shared", "images", sample));
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * Loads the picture, or makes a smooth synthetic one of the sample's usual size when it is
     * absent: the work per iteration depends only on the size.
     */
    public static RgbImage load(Path given, String sample, int fallbackWidth, int fallbackHeight)
            throws ImageLoadException {
        Optional<Path> file = locate(given, sample);
        if (file.isPresent()) {
            return ImageLoader.load(file.get());
        }
        int[] argb = new int[fallbackWidth * fallbackHeight];
        for (int y = 0; y < fallbackHeight; y++) {
            for (int x = 0; x < fallbackWidth; x++) {
                int r = 255 * x / fallbackWidth;
                int g = 255 * y / fallbackHeight;
                int b = (x * 7 + y * 13) & 0xFF;
                argb[y * fallbackWidth + x] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
        }
        return new RgbImage(fallbackWidth, fallbackHeight, argb);
    }
}
