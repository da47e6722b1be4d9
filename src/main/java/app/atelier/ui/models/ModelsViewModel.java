package app.atelier.ui.models;

import app.atelier.engine.BackboneKind;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.DownloadCancelledException;
import app.atelier.model.DownloadListener;
import app.atelier.model.DownloadProgress;
import app.atelier.model.DownloadStage;
import app.atelier.model.DownloadTask;
import app.atelier.model.ModelStatus;
import app.atelier.model.ModelStore;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Models dialog's state and commands over a {@link ModelStore}: checks, downloads, imports,
 * verifies and removes weights on background threads and shows the results in one
 * {@link BackboneWeights} per backbone. Public methods: FX thread only.
 */
public final class ModelsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

    private final ModelStore store;
    private final ObservableList<BackboneWeights> backbones = FXCollections.observableArrayList();
    private final Map<BackboneKind, BackboneWeights> byKind = new EnumMap<>(BackboneKind.class);
    private final Map<BackboneKind, DownloadTask> downloads = new EnumMap<>(BackboneKind.class);
    /** Checks, imports and removals, one at a time: they touch the same folder. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "atelier-models");
        thread.setDaemon(true);
        return thread;
    });

    public ModelsViewModel(ModelStore store) {
        this(store, BackboneCatalogue::entry);
    }

    /** @param catalogue the same catalogue the store downloads from, for the sources shown */
    public ModelsViewModel(ModelStore store, Function<BackboneKind, app.atelier.model.CatalogueEntry> catalogue) {
        this.store = store;
        for (BackboneKind kind : BackboneKind.values()) {
            BackboneWeights row = new BackboneWeights(catalogue.apply(kind));
            byKind.put(kind, row);
            backbones.add(row);
        }
    }

    public ObservableList<BackboneWeights> backbones() {
        return FXCollections.unmodifiableObservableList(backbones);
    }

    public BackboneWeights backbone(BackboneKind kind) {
        return byKind.get(kind);
    }

    /** Where downloads and imports go. */
    public Path installFolder() {
        return store.installFolder();
    }

    /** The places searched, in order, as words: "A, then B, then the built-in SqueezeNet 1.1". */
    public String searchPath() {
        java.util.List<String> places = new java.util.ArrayList<>(store.searchPath().folders().stream().map(Path::toString).toList());
        if (store.searchPath().includesBuiltIn()) {
            places.add("the built-in SqueezeNet 1.1");
        }
        return String.join(", then ", places);
    }

    /** Whether {@code kind}'s weights are where the engine looks; a few file checks, cheap enough for the FX thread. */
    public boolean isInstalled(BackboneKind kind) {
        return store.searchPath().find(kind).isPresent();
    }

    /** Checks every backbone again (not those being downloaded). */
    public void refresh() {
        for (BackboneKind kind : BackboneKind.values()) {
            if (!byKind.get(kind).busyProperty().get()) {
                run(kind, "Checking…", () -> store.status(kind), "Could not check " + kind.displayName());
            }
        }
    }

    /** Hashes {@code kind}'s files against the known hashes and checks every tensor's shape. */
    public void verify(BackboneKind kind) {
        run(kind, "Verifying every file…", () -> store.verify(kind), "Could not verify " + kind.displayName());
    }

    /** Checks and installs {@code source} (a .safetensors, a .pth or a folder of .npy files) as {@code kind}. */
    public void importFrom(Path source, BackboneKind kind) {
        run(kind, "Importing " + source.getFileName() + "…", () -> {
            store.importFrom(source, kind);
            return store.status(kind);
        }, "Could not import " + source + " as " + kind.displayName() + ". Choose a .safetensors with torchvision's"
                + " names, torchvision's .pth" + (kind == BackboneKind.SQUEEZENET1_1 ? ", or the folder of .npy files" : "") + ".");
    }

    /** Deletes {@code kind}'s weights from Atelier's folder (never from a shared one). */
    public void remove(BackboneKind kind) {
        run(kind, "Removing…", () -> {
            store.remove(kind);
            return store.status(kind);
        }, "Could not remove " + kind.displayName());
    }

    /** Downloads {@code kind}, showing bytes, rate and time left; {@link #cancelDownload} stops it. */
    public void download(BackboneKind kind) {
        BackboneWeights row = byKind.get(kind);
        if (row.busyProperty().get()) {
            return;
        }
        row.startDownload();
        ProgressRelay relay = new ProgressRelay(row);
        DownloadTask task;
        try {
            task = store.download(kind, relay);
        } catch (RuntimeException e) {
            LOG.error("Could not start the download of {}", kind.id(), e);
            row.endWork();
            row.fail(downloadFailure(row, e));
            return;
        }
        downloads.put(kind, task);
        // Runs on the download thread; the status check that follows goes to the worker.
        task.result().whenComplete((installed, failure) -> {
            if (failure == null) {
                if (worker.isShutdown()) {
                    return;
                }
                worker.execute(() -> {
                    ModelStatus status = store.status(kind);
                    Platform.runLater(() -> finishDownload(kind, task, status, null));
                });
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof java.io.IOException && !(cause instanceof DownloadCancelledException)) {
                    // Offline, a refused file, a full disk: the row's one line says it; no trace needed.
                    LOG.warn("Download of {} failed: {}", kind.id(), message(cause));
                } else if (!(cause instanceof DownloadCancelledException)) {
                    LOG.warn("Download of {} failed", kind.id(), cause);
                }
                Platform.runLater(() -> finishDownload(kind, task, null, cause));
            }
        });
    }

    /** Asks a running download of {@code kind} to stop; its partial file is kept for a later resume. */
    public void cancelDownload(BackboneKind kind) {
        DownloadTask task = downloads.get(kind);
        if (task != null) {
            byKind.get(kind).showActivity("Cancelling…");
            task.cancel();
        }
    }

    /** Stops downloads, the worker and the store's threads; for closing the app. */
    public void shutdown() {
        downloads.values().forEach(DownloadTask::cancel);
        worker.shutdownNow();
        store.close();
    }

    /** FX thread. */
    private void finishDownload(BackboneKind kind, DownloadTask task, ModelStatus status, Throwable failure) {
        if (downloads.get(kind) == task) {
            downloads.remove(kind);
        }
        BackboneWeights row = byKind.get(kind);
        row.endWork();
        if (failure != null) {
            row.fail(failure instanceof DownloadCancelledException
                    ? "Download cancelled. The part already received is kept: Download resumes it."
                    : downloadFailure(row, failure));
            refreshOne(kind);
        } else {
            row.show(status, store.installFolder());
            if (!status.usable()) {
                row.fail("Downloaded, but the result is " + status.state().name().toLowerCase(java.util.Locale.ROOT)
                        + ": " + status.detail());
            }
        }
    }

    private static String downloadFailure(BackboneWeights row, Throwable failure) {
        return message(failure) + " In this dialog, Import… takes the file once you have it (" + row.source() + ").";
    }

    private void refreshOne(BackboneKind kind) {
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            try {
                ModelStatus status = store.status(kind);
                Platform.runLater(() -> byKind.get(kind).show(status, store.installFolder()));
            } catch (RuntimeException e) {
                LOG.error("Could not check {}", kind.id(), e);
            }
        });
    }

    /** What a blocking store call does, for {@link #run}. */
    @FunctionalInterface
    private interface StoreWork {
        ModelStatus call() throws Exception;
    }

    /** Runs {@code work} on the worker and shows its status, or its failure after {@code failurePrefix}. */
    private void run(BackboneKind kind, String activity, StoreWork work, String failurePrefix) {
        BackboneWeights row = byKind.get(kind);
        if (row.busyProperty().get()) {
            return;
        }
        row.startWork(activity);
        worker.execute(() -> {
            ModelStatus status = null;
            Throwable failure = null;
            try {
                status = work.call();
            } catch (java.io.IOException e) {
                // A refused or damaged file is the user's news, not a bug: its one line is enough.
                LOG.warn("{}: {}", failurePrefix, message(e));
                failure = e;
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                // Errors too: a file that slips past the readers' limits must not kill this worker silently.
                LOG.warn("{}", failurePrefix, e);
                failure = e;
            }
            ModelStatus after = status;
            if (failure != null) {
                try {
                    after = store.status(kind);
                } catch (RuntimeException e) {
                    LOG.error("Could not check {}", kind.id(), e);
                }
            }
            ModelStatus shown = after;
            String error = failure == null ? null : failurePrefix + ": " + message(failure);
            Platform.runLater(() -> {
                row.endWork();
                if (shown != null) {
                    row.show(shown, store.installFolder());
                }
                if (error != null) {
                    row.fail(error);
                }
            });
        });
    }

    private static String message(Throwable e) {
        String text = e.getMessage();
        return text == null || text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    /**
     * Hands a download's progress to the FX thread with at most one {@code runLater} pending, as
     * {@code javafx.concurrent.Task.updateValue} does: the download reports ten times a second, and
     * a flood of runLater calls would freeze the window.
     */
    private static final class ProgressRelay implements DownloadListener {

        private final BackboneWeights row;
        private final AtomicReference<DownloadProgress> latest = new AtomicReference<>();
        private final AtomicReference<DownloadStage> stage = new AtomicReference<>(DownloadStage.DOWNLOADING);
        private final AtomicBoolean pending = new AtomicBoolean();

        ProgressRelay(BackboneWeights row) {
            this.row = row;
        }

        /** Download thread. */
        @Override
        public void progress(DownloadProgress progress) {
            latest.set(progress);
            schedule();
        }

        /** Download thread. */
        @Override
        public void stage(DownloadStage next) {
            stage.set(next);
            schedule();
        }

        private void schedule() {
            if (pending.compareAndSet(false, true)) {
                Platform.runLater(this::drain);
            }
        }

        /** FX thread: shows only the newest state, so a late progress never hides "Verifying". */
        private void drain() {
            pending.set(false);
            if (!row.downloadingProperty().get()) {
                return;
            }
            DownloadStage now = stage.get();
            DownloadProgress progress = latest.get();
            switch (now) {
                case DOWNLOADING -> {
                    if (progress != null) {
                        row.showProgress(progress);
                    }
                }
                case VERIFYING -> row.showActivity("Checking the SHA-256…");
                case INSTALLING -> row.showActivity("Keeping the layers style transfer needs…");
            }
        }
    }
}
