package app.atelier.ui.memory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * Keeps {@code studio.json} current while the window is open, so a crash loses at most the last
 * second of edits: once what would be remembered has stayed the same for {@link #QUIET} after a
 * change, it is written (atomically, on a background thread).
 *
 * <p>It compares the text that would be written every {@link #LOOK_EVERY} instead of listening to
 * each setting: settings keep being added to the window, and a new one is then remembered without
 * anyone having to wire it here. Making that text is a few kilobytes of JSON, cheap at that rate.
 */
public final class RememberOnChange {

    static final Duration QUIET = Duration.ofSeconds(1);
    private static final javafx.util.Duration LOOK_EVERY = javafx.util.Duration.millis(250);

    private final StudioMemory memory;
    private final Supplier<RememberedStudio> current;
    private final Timeline look = new Timeline();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "studio-memory");
        thread.setDaemon(true);
        return thread;
    });

    private String seen;
    private long seenSince;
    private String written;

    /** FX thread; starts looking at once. {@code current} is called on the FX thread. */
    public RememberOnChange(StudioMemory memory, Supplier<RememberedStudio> current) {
        this.memory = memory;
        this.current = current;
        written = StudioMemory.text(current.get());
        seen = written;
        look.getKeyFrames().add(new KeyFrame(LOOK_EVERY, event -> look()));
        look.setCycleCount(Animation.INDEFINITE);
        look.play();
    }

    private void look() {
        String now = StudioMemory.text(current.get());
        long time = System.nanoTime();
        if (!now.equals(seen)) {
            seen = now;
            seenSince = time;
        } else if (!now.equals(written) && time - seenSince >= QUIET.toNanos()) {
            written = now;
            writer.execute(() -> memory.write(now));
        }
    }

    /** FX thread: stops looking and waits (briefly) for a write in progress. The clean close writes the final state itself. */
    public void close() {
        look.stop();
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
