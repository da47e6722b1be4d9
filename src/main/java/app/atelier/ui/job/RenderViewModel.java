package app.atelier.ui.job;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.InputWarnings;
import app.atelier.engine.JobSpec;
import app.atelier.engine.RenderCost;
import app.atelier.engine.RenderSize;
import app.atelier.engine.JobState;
import app.atelier.engine.JobWorker;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.StyleSource;
import app.atelier.engine.StyleTransferJob;
import app.atelier.model.WeightsSearchPath;
import app.atelier.ui.chart.LossHistory;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs style-transfer jobs for the window: starts them from the current settings and pictures,
 * passes live edits straight on, restarts the targets (debounced) when a picture or the size
 * changes, and turns the job's output into observable state. All methods: FX thread only.
 */
public final class RenderViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RenderViewModel.class);
    /** Long enough that dragging a weight field or swapping several styles rebuilds the targets once. */
    static final javafx.util.Duration RETARGET_DELAY = javafx.util.Duration.millis(400);
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
    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration");
    private final ReadOnlyIntegerWrapper totalIterations = new ReadOnlyIntegerWrapper(this, "totalIterations");
    private final ReadOnlyDoubleWrapper iterationsPerSecond = new ReadOnlyDoubleWrapper(this, "iterationsPerSecond");
    private final ReadOnlyObjectWrapper<Duration> timeLeft = new ReadOnlyObjectWrapper<>(this, "timeLeft");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper(this, "phase", "Ready");
    private final ReadOnlyStringWrapper scale = new ReadOnlyStringWrapper(this, "scale", "");

    private final RunStatistics statistics = new RunStatistics();
    private final PauseTransition retargetDelay = new PauseTransition(RETARGET_DELAY);
    private final AnimationTimer pulseDrain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainRecords();
        }
    };

    private StyleTransferJob job;
    private JobBridge bridge;

    public RenderViewModel(SettingsViewModel settings, ContentImageViewModel content, StyleImagesViewModel styles,
                           MessageCenter messages, LossHistory history) {
        this.settings = settings;
        this.content = content;
        this.styles = styles;
        this.messages = messages;
        this.history = history;
        settings.liveParametersProperty().addListener((obs, old, now) -> passOn(now));
        for (Observable target : List.<Observable>of(content.imageProperty(), styles.entries(), settings.sizeProperty())) {
            target.addListener(obs -> scheduleRetarget());
        }
        retargetDelay.setOnFinished(event -> retarget());
        // A "Cannot start: …" status gives way to the job's own once the user changes what blocked it.
        for (Observable cause : List.<Observable>of(content.imageProperty(), styles.entries(), settings.backboneProperty())) {
            cause.addListener(obs -> {
                if (!active.get()) {
                    phase.set(phaseOf(state.get()));
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
        BackboneKind backbone = settings.backboneProperty().get();
        WeightsSearchPath searchPath = WeightsSearchPath.standard();
        Optional<Path> weights = searchPath.find(backbone);
        if (weights.isEmpty()) {
            messages.post(UserMessage.error(missingWeightsText(backbone, searchPath), UserMessage.Action.OPEN_MODELS));
            phase.set("Cannot start: " + backbone.displayName() + " weights are not installed (File › Models…)");
            return;
        }
        JobSpec spec;
        try {
            RenderQuality quality = settings.quality().toRenderQuality();
            // As in `render`: a count per scale sets the run's length, so progress and chart fit it.
            int iterations = quality.iterationsPerScale() > 0 ? quality.iterationsPerScale() * quality.scales()
                    : settings.iterationsProperty().get();
            spec = new JobSpec(backbone, weights.get(), settings.quality().poolingProperty().get(),
                    settings.deviceProperty().get(), content.image().image(), styleSources(),
                    settings.sizeProperty().get(), settings.initProperty().get(), settings.seedProperty().get(),
                    iterations, settings.liveParameters(), quality);
        } catch (IllegalArgumentException | NullPointerException e) {
            messages.post(UserMessage.error("Cannot start: " + e.getMessage()));
            return;
        }
        Optional<String> sizeProblem = RenderSize.problem(spec);
        if (sizeProblem.isPresent()) {
            messages.post(UserMessage.error("Cannot start: " + sizeProblem.get() + "."));
            return;
        }
        closeCurrentJob();
        history.clear();
        statistics.clear();
        scale.set("");
        iteration.set(0);
        totalIterations.set(spec.iterations());
        iterationsPerSecond.set(0);
        timeLeft.set(null);
        // Not -1 (indeterminate): under JavaFX's software renderer the first frame of the striped
        // animation made the FX thread wait ~300 ms for the renderer in about one start in four
        // (bench --mode window, Prism SW under Xvfb).
        progress.set(0);
        retargetDelay.stop();
        try {
            job = StyleTransferJob.start(spec);
            bridge = new JobBridge(this::showFrame, this::stateChanged);
            job.subscribe(bridge);
        } catch (RuntimeException e) {
            LOG.error("Could not start the job", e);
            messages.post(UserMessage.error("Cannot start: " + e.getMessage()));
            job = null;
            bridge = null;
            setState(JobState.FAILED);
            return;
        }
        setState(JobState.PREPARING);
        pulseDrain.start();
        List<String> notes = new java.util.ArrayList<>(InputWarnings.of(spec));
        RenderCost.notice(spec).ifPresent(notes::add);
        if (!notes.isEmpty()) {
            String text = String.join("; ", notes) + ".";
            messages.post(UserMessage.warning(Character.toUpperCase(text.charAt(0)) + text.substring(1)));
        }
    }

    static String missingWeightsText(BackboneKind backbone, WeightsSearchPath searchPath) {
        String expected = backbone == BackboneKind.SQUEEZENET1_1
                ? "a folder named squeezenet1_1 holding its .npy files"
                : "vgg19.safetensors (or a vgg19 folder with a .safetensors file)";
        String instead = backbone == BackboneKind.SQUEEZENET1_1 ? "" : " Or switch the network to SqueezeNet 1.1, which is built in.";
        return backbone.displayName() + " weights were not found. Atelier looked in: " + searchPath.describe()
                + ". Download or import them with Open Models… (File › Models…), or put " + expected
                + " into one of these folders (or set the ATELIER_MODELS environment variable to a folder that holds"
                + " them), then press Start again." + instead;
    }

    private List<StyleSource> styleSources() {
        return styles.entries().stream().map(entry -> new StyleSource(entry.image().image(), entry.weight())).toList();
    }

    public void pause() {
        if (job != null && state.get() == JobState.RUNNING) {
            job.pause();
            setState(JobState.PAUSED);
        }
    }

    public void resume() {
        if (job != null && state.get() == JobState.PAUSED) {
            job.resume();
            setState(JobState.RUNNING);
        }
    }

    public void togglePause() {
        if (state.get() == JobState.PAUSED) {
            resume();
        } else {
            pause();
        }
    }

    /** Ends the run after the current iteration; the picture stays. */
    public void stop() {
        if (job != null && active.get()) {
            job.stop();
        }
    }

    private void passOn(LiveParameters parameters) {
        if (job != null && active.get() && parameters != null) {
            try {
                job.setParameters(parameters);
            } catch (IllegalArgumentException e) {
                messages.post(UserMessage.error("The running job cannot take this change: " + e.getMessage()));
            }
        }
    }

    private void scheduleRetarget() {
        if (job != null && active.get()) {
            retargetDelay.playFromStart();
        }
    }

    private void retarget() {
        if (job == null || !active.get()) {
            return;
        }
        if (content.image() == null || styles.entries().isEmpty()) {
            messages.post(UserMessage.warning("The run keeps its old pictures until there is a content photo and at least one style."));
            return;
        }
        try {
            job.retarget(content.image().image(), styleSources(), settings.sizeProperty().get());
            messages.post(UserMessage.info("Pictures or size changed: recomputing the targets. The picture carries on from where it is."));
        } catch (RuntimeException e) {
            LOG.error("Retarget failed", e);
            messages.post(UserMessage.error("Cannot use the new pictures: " + e.getMessage()));
        }
    }

    /** FX thread, at most one pending call per job (see {@link JobBridge}). */
    private void showFrame(JobBridge from, Frame newest) {
        if (from == bridge) {
            frame.set(newest);
            IterationRecord record = newest.record();
            scale.set(record.scales() > 1 ? "Scale " + record.scale() + " of " + record.scales() + " · "
                    + newest.image().width() + "×" + newest.image().height() : "");
        }
    }

    /** FX thread. */
    private void stateChanged(JobBridge from, JobState newState, Throwable failure) {
        if (from != bridge) {
            return;
        }
        drainRecords();
        setState(newState);
        if (newState == JobState.FAILED) {
            String reason = failure != null && failure.getMessage() != null ? failure.getMessage() : String.valueOf(failure);
            LOG.error("Job failed", failure);
            // Only what the job still holds is kept: after a divergence that is the last picture
            // measured good, or none, and Save must not offer the noise on screen.
            Frame kept = job.latestFrame().orElse(null);
            frame.set(kept);
            messages.post(UserMessage.error("The run stopped with an error: " + withFullStop(reason)
                    + (kept != null ? " The last good picture, from iteration " + kept.iteration() + ", is kept."
                    : " No picture was good enough to keep.")));
        }
        if (newState.isFinished()) {
            pulseDrain.stop();
            job.latestFrame().ifPresent(frame::set);
        }
    }

    private static String withFullStop(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private void setState(JobState newState) {
        state.set(newState);
        active.set(newState != null && !newState.isFinished());
        phase.set(phaseOf(newState));
        if (newState == JobState.COMPLETED) {
            progress.set(1);
            timeLeft.set(Duration.ZERO);
        } else if (newState.isFinished() && progress.get() < 0) {
            progress.set(0);
        }
    }

    private static String phaseOf(JobState state) {
        return state == null ? "Ready" : switch (state) {
            case PREPARING -> "Preparing the network and targets…";
            case RUNNING -> "Running";
            case PAUSED -> "Paused";
            case STOPPED -> "Stopped";
            case COMPLETED -> "Done";
            case FAILED -> "Failed";
        };
    }

    /** FX thread, once per pulse while a job runs: one batch for the chart, one status update. */
    private void drainRecords() {
        if (bridge == null) {
            return;
        }
        List<IterationRecord> batch = bridge.drainRecords();
        if (batch.isEmpty()) {
            return;
        }
        batch.forEach(statistics::add);
        history.append(batch);
        IterationRecord last = batch.get(batch.size() - 1);
        iteration.set(last.iteration());
        int total = totalIterations.get();
        progress.set(total > 0 ? Math.min(1.0, (double) last.iteration() / total) : 0);
        iterationsPerSecond.set(statistics.iterationsPerSecond());
        timeLeft.set(statistics.timeLeft(Math.max(0, total - last.iteration())));
        if (state.get() == JobState.PREPARING) {
            setState(JobState.RUNNING);
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
        pulseDrain.stop();
        if (old != null) {
            old.stop();
        }
    }

    /** Stops any run and ends the job worker; waits a few seconds at most. Called once, when the window closes. */
    public void shutdown() {
        closeCurrentJob();
        JobWorker.shared().shutdown(SHUTDOWN_TIMEOUT);
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
        return iteration.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalIterationsProperty() {
        return totalIterations.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty iterationsPerSecondProperty() {
        return iterationsPerSecond.getReadOnlyProperty();
    }

    /** Null while unknown. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** 0..1, or -1 while preparing (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Scale 2 of 3 · 181×128" while a coarse-to-fine run is on, else empty. */
    public ReadOnlyStringProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /** A word or two on what the job is doing, for the status bar. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }
}
