package app.atelier.ui.job;

import app.atelier.engine.Frame;
import app.atelier.engine.InputWarnings;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.RenderCost;
import app.atelier.engine.JobState;
import app.atelier.engine.JobWorker;
import app.atelier.engine.StyleTransferJob;
import app.atelier.model.WeightsSearchPath;
import app.atelier.ui.chart.LossHistory;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs style-transfer jobs for the window: starts them from the current settings and pictures
 * (the weights are looked up off the FX thread, see {@link JobInputs}), pauses and stops them,
 * hands edits to {@link LiveEdits}, and turns the job's output into observable state (progress in
 * {@link JobProgress}). The state is the job's own, as it reports it; the only thing
 * this adds is {@code starting}, from Start until the new job's first report. All methods: FX
 * thread only.
 */
public final class RenderViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RenderViewModel.class);
    /** How long closing the window waits for the running job's iteration to end. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final SettingsViewModel settings;
    private final ContentImageViewModel content;
    private final StyleImagesViewModel styles;
    private final MessageCenter messages;
    private final LossHistory history;

    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "Ready");
    private final JobProgress progress = new JobProgress();
    /** This window's jobs, one after another. */
    private final JobWorker worker = new JobWorker();

    private final LiveEdits edits;
    /** Drains records once per pulse; runs only while the job computes, so a paused or idle window asks for no pulses. */
    private final AnimationTimer pulseDrain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainRecords();
        }
    };

    /** Read by tests off the FX thread. */
    private volatile boolean draining;
    private StyleTransferJob job;
    private JobBridge bridge;
    /** From Start until the new job's first state report (or the refusal to start it). */
    private boolean starting;
    /** What the status bar says before any run of this session: "Ready", or what was restored. */
    private String restoredText;
    /** Counts Starts, so the answer of an older weights lookup is dropped. */
    private int starts;

    public RenderViewModel(SettingsViewModel settings, ContentImageViewModel content, StyleImagesViewModel styles,
                           MessageCenter messages, LossHistory history) {
        this.settings = settings;
        this.content = content;
        this.styles = styles;
        this.messages = messages;
        this.history = history;
        this.edits = new LiveEdits(settings, content, styles, messages, () -> job != null && active.get() ? job : null);
        // A "Cannot start: …" status gives way to the job's own once the user changes what blocked it.
        for (Observable cause : List.<Observable>of(content.imageProperty(), styles.entries(), settings.backboneProperty())) {
            cause.addListener(obs -> {
                if (!active.get()) {
                    showState();
                }
            });
        }
    }

    /** Starts a job from the current settings and pictures, or says what is missing. */
    public void start() {
        if (active.get()) {
            return;
        }
        if (content.image() == null) {
            messages.post(UserMessage.warning("Add a content photo first: drop it on the Content pane, paste it, or click the pane to open a file."));
            phase.set("Cannot start: no content photo");
            return;
        }
        if (styles.entries().isEmpty()) {
            messages.post(UserMessage.warning("Add a style painting first: drop it on the Style pane, paste it, or click the pane to open a file."));
            phase.set("Cannot start: no style painting");
            return;
        }
        JobInputs inputs;
        try {
            inputs = JobInputs.of(settings, content.image().image(), LiveEdits.styleSources(styles));
        } catch (IllegalArgumentException | NullPointerException e) {
            messages.post(UserMessage.error("Cannot start: " + e.getMessage()));
            return;
        }
        closeCurrentJob();
        restoredText = null;
        int thisStart = ++starts;
        setStarting(true);
        ImageLoading.runInBackground(() -> {
            JobInputs.Prepared prepared = inputs.prepare(WeightsSearchPath.standard());
            Platform.runLater(() -> {
                if (thisStart == starts && starting) {
                    begin(prepared);
                }
            });
        });
    }

    /** FX thread, with the weights looked up: starts the job or says why not. */
    private void begin(JobInputs.Prepared prepared) {
        if (prepared instanceof JobInputs.Refused refused) {
            messages.post(UserMessage.error(refused.message()));
            setStarting(false);
            return;
        }
        if (prepared instanceof JobInputs.MissingWeights missing) {
            messages.post(UserMessage.error(missing.message(), UserMessage.Action.OPEN_MODELS));
            setStarting(false);
            phase.set("Cannot start: " + missing.backbone().displayName() + " weights are not installed (File › Models…)");
            return;
        }
        edits.cancelPending();
        var spec = ((JobInputs.Ready) prepared).spec();
        history.clear();
        progress.reset(spec.iterations());
        try {
            job = worker.start(spec);
            bridge = new JobBridge(this::showFrame, this::stateChanged);
            job.subscribe(bridge);
            drainEachPulse(true);
        } catch (RuntimeException e) {
            LOG.error("Could not start the job", e);
            messages.post(UserMessage.error("Cannot start: " + e.getMessage()));
            job = null;
            bridge = null;
            setStarting(false);
            return;
        }
        List<String> notes = new java.util.ArrayList<>(InputWarnings.of(spec));
        RenderCost.notice(spec).ifPresent(notes::add);
        if (!notes.isEmpty()) {
            String text = String.join("; ", notes) + ".";
            messages.post(UserMessage.warning(Character.toUpperCase(text.charAt(0)) + text.substring(1)));
        }
    }

    /** Asks the job to pause after its current iteration; the state follows when it has. */
    public void pause() {
        if (job != null && state.get() == JobState.RUNNING) {
            job.pause();
        }
    }

    public void resume() {
        if (job != null && state.get() == JobState.PAUSED) {
            job.resume();
        }
    }

    public void togglePause() {
        if (state.get() == JobState.PAUSED) {
            resume();
        } else {
            pause();
        }
    }

    /** Ends the run after the current iteration; the picture stays. Before the run has begun, it does not begin. */
    public void stop() {
        if (job == null && starting) {
            setStarting(false);
        } else if (job != null && active.get()) {
            job.stop();
        }
    }

    /** FX thread, at most one pending call per job (see {@link JobBridge}). */
    private void showFrame(JobBridge from, Frame newest) {
        if (from == bridge) {
            frame.set(newest);
            progress.show(newest);
        }
    }

    /** FX thread: the job's own state, the only state there is. */
    private void stateChanged(JobBridge from, JobState newState, Throwable failure) {
        if (from != bridge) {
            return;
        }
        drainRecords();
        // Before the state is shown, so whoever sees PAUSED or STOPPED sees the pulses stopped too.
        drainEachPulse(newState == JobState.PREPARING || newState == JobState.RUNNING);
        starting = false;
        state.set(newState);
        showState();
        if (newState == JobState.FAILED) {
            String reason = failure != null && failure.getMessage() != null ? failure.getMessage() : String.valueOf(failure);
            LOG.error("Job failed", failure);
            messages.post(UserMessage.error("The run stopped with an error: " + reason + ". The last picture is kept."));
        }
        if (newState.isFinished()) {
            progress.ended(newState);
            job.latestFrame().ifPresent(frame::set);
        }
    }

    private void setStarting(boolean value) {
        starting = value;
        showState();
    }

    private void showState() {
        JobState current = state.get();
        active.set(starting || current != null && !current.isFinished());
        phase.set(starting ? "Preparing the network and targets…" : current == null ? idleText() : switch (current) {
            case PREPARING -> "Preparing the network and targets…";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case STOPPED -> "Stopped";
            case COMPLETED -> "Done";
            case FAILED -> "Failed";
        });
    }

    private String idleText() {
        return restoredText == null ? "Ready" : restoredText;
    }

    /** FX thread, once per pulse while a job computes: one batch for the chart, one status update. */
    private void drainRecords() {
        if (bridge == null) {
            return;
        }
        List<IterationRecord> batch = bridge.drainRecords();
        if (!batch.isEmpty()) {
            history.append(batch);
            progress.add(batch);
        }
    }

    /**
     * Stops the current job without waiting: it ends after its current iteration and frees its
     * tensors on the worker, and a job started next computes only after that (see {@link JobWorker}).
     * Its output is ignored from now on (the bridge no longer matches).
     */
    private void closeCurrentJob() {
        StyleTransferJob old = job;
        job = null;
        bridge = null;
        drainEachPulse(false);
        if (old != null) {
            old.stop();
        }
    }

    /** Stops any run and ends the job worker; waits a few seconds at most. Called once, when the window closes. */
    public void shutdown() {
        starting = false;
        closeCurrentJob();
        worker.shutdown(SHUTDOWN_TIMEOUT);
    }

    /**
     * True while records are drained at every pulse, which keeps JavaFX pulsing at 60 Hz: only
     * while a job prepares or computes, never while it is paused or after it ends.
     */
    public boolean drainingEachPulse() {
        return draining;
    }

    private void drainEachPulse(boolean on) {
        draining = on;
        if (on) {
            pulseDrain.start();
        } else {
            pulseDrain.stop();
        }
    }

    /**
     * Shows a picture brought back (from the autosave or the history) as if its run had just
     * stopped: no job, so Save writes it with the settings on screen. The status bar says
     * {@code description} until the next run, even when the restored pictures arrive later.
     * Ignored while a job runs.
     */
    public void showRestored(Frame restored, String description) {
        if (active.get()) {
            return;
        }
        closeCurrentJob();
        state.set(null);
        restoredText = description;
        frame.set(restored);
        progress.restored(restored);
        showState();
    }

    /** Back to a fresh window's state: any run stopped and let go, no picture, "Ready". */
    public void clear() {
        starting = false;
        closeCurrentJob();
        restoredText = null;
        state.set(null);
        frame.set(null);
        progress.reset(0);
        showState();
    }

    /** The window's one compute thread; the print runs on it too, so it never shares the cores with a render. */
    JobWorker worker() {
        return worker;
    }

    /** The running or last job, for actions and tests that need the engine's own view. */
    public Optional<StyleTransferJob> job() {
        return Optional.ofNullable(job);
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from Start until the job has finished (stopped, completed or failed). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty iterationProperty() {
        return progress.iterationProperty();
    }

    public ReadOnlyIntegerProperty totalIterationsProperty() {
        return progress.totalIterationsProperty();
    }

    public ReadOnlyDoubleProperty iterationsPerSecondProperty() {
        return progress.iterationsPerSecondProperty();
    }

    /** Null while unknown. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return progress.timeLeftProperty();
    }

    /** 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.progressProperty();
    }

    /** "Scale 2 of 3 · 181×128" while a coarse-to-fine run is on, else empty. */
    public ReadOnlyStringProperty scaleProperty() {
        return progress.scaleProperty();
    }

    /** A word or two on what the job is doing, for the status bar. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }
}
