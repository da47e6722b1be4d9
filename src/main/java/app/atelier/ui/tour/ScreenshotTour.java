package app.atelier.ui.tour;

import static app.atelier.ui.tour.FxWaits.after;
import static app.atelier.ui.tour.FxWaits.waitUntil;

import app.atelier.engine.JobState;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.images.ImageRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scripted walk through the studio for {@code scripts/screenshots.sh}: empty window, pictures
 * loaded, mid-run with the chart (β raised a quarter of the way in), finished; each step is saved as a JPEG of the window.
 * Driven by hidden system properties: {@code atelier.screenshots} (output folder, turns the tour
 * on), {@code atelier.tour.content}, {@code atelier.tour.styles} (path-separator list). Every step
 * runs on the FX thread, waiting with timers, never blocking it.
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

    /** The tour the system properties ask for, or null when none does. */
    public static ScreenshotTour fromSystemProperties() {
        String out = System.getProperty("atelier.screenshots");
        if (out == null || out.isBlank()) {
            return null;
        }
        String contentFile = System.getProperty("atelier.tour.content", "");
        String styleFiles = System.getProperty("atelier.tour.styles", "");
        return new ScreenshotTour(Path.of(out), contentFile.isBlank() ? null : Path.of(contentFile),
                Arrays.stream(styleFiles.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList());
    }

    public void run(Stage stage, StudioWindow window, StudioViewModel studio) {
        after(1.5, () -> {
            shoot(window, "1-empty");
            if (content != null) {
                studio.content().offer(List.of(new ImageRequest.FromFile(content)));
            }
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
        java.awt.image.BufferedImage argb = SwingFXUtils.fromFXImage(image, null);
        java.awt.image.BufferedImage rgb = new java.awt.image.BufferedImage(argb.getWidth(), argb.getHeight(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(argb, 0, 0, null);
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
