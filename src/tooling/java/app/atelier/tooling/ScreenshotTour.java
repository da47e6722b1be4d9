package app.atelier.tooling;

import static app.atelier.tooling.FxWaits.after;
import static app.atelier.tooling.FxWaits.waitUntil;

import app.atelier.engine.JobState;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.images.ImageRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scripted walk through the studio for {@code scripts/screenshots.sh}: empty window, pictures
 * loaded, mid-run with the chart (β raised a quarter of the way in), finished; each step is saved as a JPEG of the window.
 * {@code java -cp target/atelier-tooling.jar app.atelier.tooling.ScreenshotTour OUT_FOLDER CONTENT STYLE...}.
 * Every step runs on the FX thread, waiting with timers, never blocking it.
 */
public final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);

    private final Path folder;
    private final Path content;
    private final List<Path> styles;

    private ScreenshotTour(Path folder, Path content, List<Path> styles) {
        this.folder = folder;
        this.content = content;
        this.styles = styles;
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("Usage: ScreenshotTour OUT_FOLDER CONTENT STYLE...");
            System.exit(2);
        }
        ScreenshotTour tour = new ScreenshotTour(Path.of(args[0]), Path.of(args[1]),
                Arrays.stream(args, 2, args.length).map(Path::of).toList());
        ScriptedStudio.launch(tour::run);
    }

    private void run(Stage stage, StudioWindow window, StudioViewModel studio) {
        after(1.5, () -> {
            shoot(window, "1-empty");
            studio.content().offer(List.of(new ImageRequest.FromFile(content)));
            studio.styles().offer(styles.stream().<ImageRequest>map(ImageRequest.FromFile::new).toList());
            waitUntil(() -> studio.content().image() != null && studio.styles().entries().size() == styles.size(), () -> after(1, () -> {
                shoot(window, "2-loaded");
                studio.render().start();
                int total = studio.settings().iterationsProperty().get();
                // A live change a quarter of the way in, so the chart shows its marker.
                waitUntil(() -> studio.render().iterationProperty().get() >= total / 4
                        || studio.render().stateProperty().get() == JobState.FAILED,
                        () -> studio.settings().betaProperty().set(studio.settings().betaProperty().get() * 4));
                waitUntil(() -> studio.render().iterationProperty().get() >= total * 2 / 5
                        || studio.render().stateProperty().get() == JobState.FAILED, () -> after(0.5, () -> {
                    shoot(window, "3-running");
                    waitUntil(() -> studio.render().stateProperty().get() != null
                            && studio.render().stateProperty().get().isFinished(), () -> after(1.5, () -> {
                        shoot(window, "4-finished");
                        shoot(window, "5-finished-2x", 2);
                        Platform.exit();
                    }));
                }));
            }));
        });
    }

    /** JPEG at high quality: the live picture is noisy, which makes PNG screenshots several megabytes. */
    private static void writeJpeg(WritableImage image, Path file) throws IOException {
        // The window is opaque, so its ARGB pixels are its RGB ones (no javafx-swing needed for this).
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, width, height, pixels, 0, width);
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam parameters = writer.getDefaultWriteParam();
        parameters.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        parameters.setCompressionQuality(0.9f);
        Files.deleteIfExists(file);
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(rgb, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }

    private void shoot(StudioWindow window, String name) {
        shoot(window, name, 1);
    }

    /** Saves the window; {@code scale} 2 renders it as a 2x (HiDPI) screen would. */
    private void shoot(StudioWindow window, String name, double scale) {
        try {
            Files.createDirectories(folder);
            SnapshotParameters parameters = new SnapshotParameters();
            parameters.setTransform(new Scale(scale, scale));
            WritableImage image = window.snapshot(parameters, null);
            Path file = folder.resolve(name + ".jpg");
            writeJpeg(image, file);
            LOG.info("Screenshot {}", file);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not take screenshot {}", name, e);
        }
    }
}
