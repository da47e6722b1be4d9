package app.atelier.ui.images;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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

    /** Started when first needed, ended by {@link #shutdown}; guarded by the class. */
    private static ExecutorService decoder;

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
        decoder().execute(() -> {
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

    private static synchronized ExecutorService decoder() {
        if (decoder == null) {
            decoder = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "atelier-image-loader");
                thread.setDaemon(true);
                return thread;
            });
        }
        return decoder;
    }

    /**
     * Lets queued work finish (a save in progress is not cut off) and ends the thread, waiting at
     * most {@code timeout}; a later request starts a new one. For closing the window.
     */
    public static void shutdown(Duration timeout) {
        ExecutorService ending;
        synchronized (ImageLoading.class) {
            ending = decoder;
            decoder = null;
        }
        if (ending == null) {
            return;
        }
        ending.shutdown();
        try {
            if (!ending.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Loading or saving pictures did not finish within {} ms of closing", timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs blocking file work (saving, exporting) on the same background thread; {@code task} must report its own errors. */
    public static void runInBackground(Runnable task) {
        decoder().execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Background file task failed", e);
            }
        });
    }
}
