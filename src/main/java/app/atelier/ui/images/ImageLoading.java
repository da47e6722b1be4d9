package app.atelier.ui.images;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes dropped and opened pictures on one background daemon thread, so a large JPEG or a slow
 * download never holds up the window. Results come back on the FX thread.
 */
public final class ImageLoading {

    private static final Logger LOG = LoggerFactory.getLogger(ImageLoading.class);

    private static final ExecutorService DECODER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "atelier-image-loader");
        thread.setDaemon(true);
        return thread;
    });

    private ImageLoading() {
    }

    /** What came of one batch of requests. */
    public record Outcome(List<LoadedImage> images, List<String> failures) {
    }

    /**
     * Loads every request in order on the loader thread.
     *
     * @param done called on the FX thread with the pictures that loaded and a message per failure
     */
    public static void loadAll(List<ImageRequest> requests, Consumer<Outcome> done) {
        DECODER.execute(() -> {
            List<LoadedImage> images = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (ImageRequest request : requests) {
                try {
                    images.add(request.load());
                } catch (Exception | OutOfMemoryError e) {
                    LOG.warn("Could not load {}", request.name(), e);
                    failures.add(e.getMessage() != null ? e.getMessage() : "Cannot read " + request.name());
                }
            }
            Platform.runLater(() -> done.accept(new Outcome(images, failures)));
        });
    }

    /** Runs blocking file work (saving, exporting) on the same background thread; {@code task} must report its own errors. */
    public static void runInBackground(Runnable task) {
        DECODER.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Background file task failed", e);
            }
        });
    }
}
