package app.atelier.ui.autosave;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobState;
import app.atelier.image.RgbImage;
import app.atelier.settings.Pictures;
import app.atelier.settings.SettingsDocument;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.images.LoadedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the run on screen in the {@link AutosaveStore} while it runs: at most every
 * {@code every}, at each scale change and when it ends. The state is taken on the FX thread and
 * written on the autosave's own thread; a write still going when the next is due is replaced by
 * the newer state, never queued behind it.
 */
public final class Autosaver {

    public static final Duration EVERY = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);

    private final StudioViewModel studio;
    private final AutosaveStore store;
    private final long everyNanos;
    private final AtomicReference<AutosaveState> pending = new AtomicReference<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "autosave");
        thread.setDaemon(true);
        return thread;
    });
    /** Names of file-less pictures' copies; hashing a picture once, not at every write. FX thread. */
    private final Map<LoadedImage, String> copyNames = new IdentityHashMap<>();
    private final ChangeListener<Frame> onFrame = (obs, old, frame) -> frameShown(frame);
    private final ChangeListener<JobState> onState = (obs, old, state) -> stateChanged(state);
    private volatile Consumer<AutosaveState> written = state -> { };
    private long lastWrite;
    private int lastScale;

    /** FX thread; starts watching at once. */
    public Autosaver(StudioViewModel studio, AutosaveStore store, Duration every) {
        this.studio = studio;
        this.store = store;
        this.everyNanos = every.toNanos();
        studio.render().frameProperty().addListener(onFrame);
        studio.render().stateProperty().addListener(onState);
    }

    /** Called on the autosave thread after each completed write (tests and the crash check wait on it). */
    public void onWritten(Consumer<AutosaveState> action) {
        this.written = action;
    }

    private void frameShown(Frame frame) {
        if (frame == null || !studio.render().activeProperty().get()) {
            return;
        }
        long now = System.nanoTime();
        int scale = frame.record().scale();
        if (lastWrite == 0 || now - lastWrite >= everyNanos || scale != lastScale) {
            lastWrite = now;
            lastScale = scale;
            save(frame);
        }
    }

    private void stateChanged(JobState state) {
        if (state == JobState.PREPARING) {
            lastWrite = 0;
        } else if (state != null && state.isFinished() && studio.render().frameProperty().get() != null) {
            save(studio.render().frameProperty().get());
        }
    }

    /** FX thread: takes the state now, writes it in the background. */
    private void save(Frame frame) {
        Map<String, RgbImage> copies = new LinkedHashMap<>();
        SettingsDocument document = studio.document().of(frame, studio.render().job(), image -> image.file()
                .map(Pictures::picture)
                .orElseGet(() -> {
                    String name = copyNames.computeIfAbsent(image,
                            i -> "picture-" + Integer.toHexString(Arrays.hashCode(i.image().argb())) + ".png");
                    copies.put(name, image.image());
                    return new Pictures.Picture(image.name(), store.folder().resolve(name).toString());
                }));
        AutosaveState state = new AutosaveState(document, frame.image(), frame.record(), studio.render().totalIterationsProperty().get(),
                new ArrayList<IterationRecord>(studio.history().records()), copies);
        if (pending.getAndSet(state) == null) {
            writer.execute(this::writePending);
        }
    }

    /** Autosave thread. */
    private void writePending() {
        AutosaveState state = pending.getAndSet(null);
        if (state == null) {
            return;
        }
        try {
            store.write(state);
            written.accept(state);
        } catch (Exception e) {
            LOG.warn("Could not autosave into {}: {}", store.folder(), e.getMessage());
        }
    }

    /** FX thread, on a clean close: stops watching, lets a write in progress end, and removes the autosave. */
    public void closeCleanly() {
        studio.render().frameProperty().removeListener(onFrame);
        studio.render().stateProperty().removeListener(onState);
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.clear();
    }
}
