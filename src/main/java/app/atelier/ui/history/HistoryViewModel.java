package app.atelier.ui.history;

import app.atelier.engine.Frame;
import app.atelier.engine.JobState;
import app.atelier.engine.StyleTransferJob;
import app.atelier.image.ImageLoadException;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import app.atelier.settings.SettingsDocument;
import app.atelier.ui.actions.FileActions;
import app.atelier.ui.actions.StudioDocument;
import app.atelier.ui.chart.LossHistory;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.job.RenderViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history strip's state: every render that ends in the window (stopped, completed or failed
 * with a picture) is kept in the {@link HistoryStore}; an entry can be brought back (its settings
 * and pictures through the same path as File › Open render…, then its picture) and two can be
 * chosen for a side-by-side comparison. Without a store (tests, scripted runs) nothing is kept.
 * The store is written on the history's own thread; everything else: FX thread.
 */
public final class HistoryViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);

    private final RenderViewModel render;
    private final StudioDocument document;
    private final FileActions files;
    private final LossHistory losses;
    private final MessageCenter messages;
    /** Newest first, as the strip shows them. */
    private final ObservableList<HistoryEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> selected = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<HistoryEntry> selectedView = FXCollections.unmodifiableObservableList(selected);
    private final ReadOnlyLongWrapper bytesUsed = new ReadOnlyLongWrapper(this, "bytesUsed");
    private final ReadOnlyIntegerWrapper limitMegabytes = new ReadOnlyIntegerWrapper(this, "limitMegabytes",
            HistoryStore.DEFAULT_LIMIT_MEGABYTES);
    private final ReadOnlyBooleanWrapper kept = new ReadOnlyBooleanWrapper(this, "kept");
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "history");
        thread.setDaemon(true);
        return thread;
    });
    private HistoryStore store;

    public HistoryViewModel(RenderViewModel render, StudioDocument document, FileActions files, LossHistory losses,
                            MessageCenter messages) {
        this.render = render;
        this.document = document;
        this.files = files;
        this.losses = losses;
        this.messages = messages;
        render.stateProperty().addListener((obs, old, state) -> {
            if (state != null && state.isFinished() && old != null && !old.isFinished()) {
                keepEndedRun();
            }
        });
    }

    /** Starts keeping renders in {@code store} and lists what it holds (read on the history thread). */
    public void keepIn(HistoryStore history) {
        this.store = history;
        kept.set(true);
        writer.execute(() -> publish(history.list(), history.bytesUsed(), history.limitMegabytes()));
    }

    /**
     * FX thread: keeps the picture on screen of a run that is let go without ending by itself
     * (File › New, closing the window), as an ended run's would be.
     */
    public void keepRunning() {
        if (render.activeProperty().get()) {
            keepEndedRun();
        }
    }

    /** FX thread: the run has just ended; its last picture goes into the history. */
    private void keepEndedRun() {
        HistoryStore history = store;
        Frame last = render.job().flatMap(StyleTransferJob::latestFrame).orElse(render.frameProperty().get());
        if (history == null || last == null) {
            return;
        }
        SettingsDocument made = document.of(last, render.job());
        writer.execute(() -> {
            try {
                List<HistoryEntry> left = history.add(made, last.record(), last.totalIterations(), last.image());
                publish(left, history.bytesUsed(), history.limitMegabytes());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not keep the render in the history {}", history.folder(), e);
                messages.post(UserMessage.warning("The render could not be kept in the history: " + e.getMessage()));
            }
        });
    }

    /** FX thread: sets the size limit; the oldest entries beyond it are removed at once. */
    public void setLimitMegabytes(int megabytes) {
        HistoryStore history = store;
        limitMegabytes.set(Math.max(1, megabytes));
        if (history == null) {
            return;
        }
        writer.execute(() -> {
            try {
                publish(history.setLimitMegabytes(megabytes), history.bytesUsed(), history.limitMegabytes());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not set the history limit", e);
                messages.post(UserMessage.error("Could not set the history limit: " + e.getMessage()));
            }
        });
    }

    /** Any thread: shows the store's state. */
    private void publish(List<HistoryEntry> oldestFirst, long bytes, int limit) {
        List<HistoryEntry> newestFirst = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(newestFirst);
        Platform.runLater(() -> {
            entries.setAll(newestFirst);
            selected.retainAll(newestFirst);
            bytesUsed.set(bytes);
            limitMegabytes.set(limit);
        });
    }

    /** Brings back {@code entry}'s settings, pictures and picture; refused while a run is on. FX thread. */
    public void restore(HistoryEntry entry) {
        if (render.activeProperty().get()) {
            messages.post(UserMessage.warning("Stop the run before bringing back an earlier render."));
            return;
        }
        ImageLoading.runInBackground(() -> {
            try {
                RgbImage picture = ImageLoader.load(entry.picture());
                Platform.runLater(() -> files.openRender(entry.picture(), "Brought back the render of " + entry.summary())
                        .thenRun(() -> {
                            losses.clear();
                            render.showRestored(new Frame(entry.shown(), entry.totalIterations(), picture),
                                    "From the history: " + entry.summary());
                        }));
            } catch (ImageLoadException e) {
                messages.post(UserMessage.error("Cannot bring back the render: " + e.getMessage()));
            }
        });
    }

    /** Makes {@code entry} the only one chosen, or, with {@code add}, adds it to (or takes it out of) the two chosen. FX thread. */
    public void select(HistoryEntry entry, boolean add) {
        if (!add) {
            selected.setAll(entry);
        } else if (selected.contains(entry)) {
            selected.remove(entry);
        } else {
            if (selected.size() == 2) {
                selected.remove(0);
            }
            selected.add(entry);
        }
    }

    /** Ends the history's thread after its last write (a few seconds at most). When the window closes. */
    public void shutdown() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Newest first. */
    public ObservableList<HistoryEntry> entries() {
        return entriesView;
    }

    /** Up to two entries, in the order they were chosen. */
    public ObservableList<HistoryEntry> selected() {
        return selectedView;
    }

    public ReadOnlyLongProperty bytesUsedProperty() {
        return bytesUsed.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty limitMegabytesProperty() {
        return limitMegabytes.getReadOnlyProperty();
    }

    /** Whether renders are kept (a store is attached). */
    public ReadOnlyBooleanProperty keptProperty() {
        return kept.getReadOnlyProperty();
    }

    /** Whether the strip is on screen (View › History). */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
