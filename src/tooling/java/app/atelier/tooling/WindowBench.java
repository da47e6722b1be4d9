package app.atelier.tooling;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.Frame;
import app.atelier.engine.JobState;
import app.atelier.engine.StyleTransferJob;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window half of {@code atelier bench --mode window}: in the real studio window, loads the
 * pictures, presses Start through the view model, and after a few iterations moves the β slider
 * a quarter decade at a random moment within an iteration, again and again. For each move it
 * measures the wall time until the pulse that draws the first frame computed with the new β,
 * and how many iterations that took; meanwhile an {@link FxThreadProbe} pings the FX thread.
 * The samples go to a file for the benchmark to summarise, then the app exits.
 *
 * <p>{@code atelier bench --mode window} starts it in a child JVM when the tooling is on the class
 * path: {@code WindowBench SAMPLES_FILE CONTENT STYLE BACKBONE SIZE CHANGES} (the order
 * {@code cli.bench.WindowRun} writes). The studio starts from the defaults and remembers nothing.
 * Every step runs on the FX thread, waiting with timers and listeners, never blocking it.
 */
public final class WindowBench {

    private static final Logger LOG = LoggerFactory.getLogger(WindowBench.class);
    /** Iterations before the first change: the first ones pay for warming up libtorch. */
    private static final int WARM_UP_ITERATIONS = 3;
    /** A quarter decade of the β slider, as a small drag would move it. */
    private static final double SLIDER_STEP = 0.25;
    private static final Duration CHANGE_TIMEOUT = Duration.seconds(120);

    private final Path samplesFile;
    private final Path content;
    private final Path style;
    private final BackboneKind backbone;
    private final int size;
    private final int changes;
    private final Random random = new Random(1);

    private final List<Double> changeToFrameMillis = new ArrayList<>();
    private final List<Integer> iterationsToShow = new ArrayList<>();
    private StudioViewModel studio;
    private Slider betaSlider;
    private FxThreadProbe probe;
    private PauseTransition watchdog;
    private boolean finished;

    // The change being waited for; FX thread only.
    private double awaitedBeta = Double.NaN;
    private int finishedAtChange;
    private long changedNanos;
    private Frame frameToShow;

    private WindowBench(Path samplesFile, Path content, Path style, BackboneKind backbone, int size, int changes) {
        this.samplesFile = samplesFile;
        this.content = content;
        this.style = style;
        this.backbone = backbone;
        this.size = size;
        this.changes = changes;
    }

    public static void main(String[] args) {
        ScriptedStudio.requireArguments(args, "WindowBench", "SAMPLES_FILE", "CONTENT", "STYLE", "BACKBONE", "SIZE", "CHANGES");
        WindowBench bench = new WindowBench(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]),
                BackboneKind.fromId(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        ScriptedStudio.launch((stage, window, studio) -> bench.run(window, studio));
    }

    /** FX thread: begins the script once the window is shown. */
    private void run(StudioWindow window, StudioViewModel studioViewModel) {
        studio = studioViewModel;
        betaSlider = ScriptedStudio.betaSlider(window, this::fail);
        if (betaSlider == null) {
            return;
        }
        window.getScene().addPostLayoutPulseListener(this::pulse);
        studio.render().frameProperty().addListener((obs, old, frame) -> frameArrived(frame));
        watchdog = FxWaits.after(CHANGE_TIMEOUT, () -> fail("nothing happened for " + CHANGE_TIMEOUT.toSeconds() + " s"));
        // The default run length, as an artist would have it, unless the changes need a longer run.
        int enough = WARM_UP_ITERATIONS + changes * 8;
        if (studio.settings().iterationsProperty().get() < enough) {
            studio.settings().iterationsProperty().set(enough);
        }
        ScriptedStudio.open(studio, backbone, size, content, style, this::start);
    }

    private void start() {
        try {
            probe = new FxThreadProbe(FxThreadProbe.BENCH_SAMPLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
            return;
        }
        studio.render().start();
        if (!studio.render().activeProperty().get()) {
            var message = studio.messages().latestProperty().get();
            fail("the run did not start" + (message == null ? "" : ": " + message.text()));
            return;
        }
        FxWaits.waitUntil(() -> finished || !studio.render().activeProperty().get()
                || studio.render().iterationProperty().get() >= WARM_UP_ITERATIONS, this::scheduleChange);
    }

    /** A random moment within the iteration now running, so the changes fall at every phase of one. */
    private void scheduleChange() {
        if (finished) {
            return;
        }
        if (studio.render().stateProperty().get() != JobState.RUNNING) {
            fail("the run is " + studio.render().stateProperty().get());
            return;
        }
        Frame latest = studio.render().frameProperty().get();
        double iterationMillis = latest == null ? 100 : latest.record().nanos() / 1e6;
        FxWaits.after(Duration.millis(random.nextDouble() * iterationMillis), this::moveBetaSlider);
    }

    /** As a drag would: the slider moves, and its binding sets β in the settings and so in the job. */
    private void moveBetaSlider() {
        if (finished) {
            return;
        }
        finishedAtChange = studio.render().job().flatMap(StyleTransferJob::latestFrame).map(Frame::iteration).orElse(0);
        double before = studio.settings().betaProperty().get();
        changedNanos = System.nanoTime();
        betaSlider.setValue(betaSlider.getValue() + (changeToFrameMillis.size() % 2 == 0 ? SLIDER_STEP : -SLIDER_STEP));
        awaitedBeta = studio.settings().betaProperty().get();
        if (awaitedBeta == before) {
            fail("moving the β slider did not change β (" + before + ")");
        }
        watchdog.playFromStart();
    }

    /** FX thread, after the result view has taken the frame (its listener was added first). */
    private void frameArrived(Frame frame) {
        if (frame != null && !Double.isNaN(awaitedBeta) && frameToShow == null && frame.iteration() > finishedAtChange
                && frame.record().parameters().beta() == awaitedBeta) {
            frameToShow = frame;
        }
    }

    /** FX thread, in every pulse after layout: the pulse that draws the awaited frame ends the measure. */
    private void pulse() {
        if (frameToShow == null || finished) {
            return;
        }
        changeToFrameMillis.add((System.nanoTime() - changedNanos) / 1e6);
        iterationsToShow.add(frameToShow.iteration() - finishedAtChange);
        frameToShow = null;
        awaitedBeta = Double.NaN;
        if (changeToFrameMillis.size() >= changes) {
            finish();
        } else {
            scheduleChange();
        }
    }

    private void finish() {
        finished = true;
        watchdog.stop();
        probe.close();
        List<Double> iterationMillis = studio.history().records().stream()
                .filter(record -> record.iteration() > WARM_UP_ITERATIONS)
                .map(record -> record.nanos() / 1e6).toList();
        List<FxThreadProbe.Ping> pings = probe.pings();
        List<String> lines = List.of(
                "backbone=" + backbone.id(),
                "size=" + size,
                "iteration_ms=" + join(iterationMillis, Double::doubleValue),
                "change_to_frame_ms=" + join(changeToFrameMillis, Double::doubleValue),
                "iterations_to_show=" + iterationsToShow.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "fx_wall_ms=" + join(pings, ping -> ping.wallNanos() / 1e6),
                "fx_work_ms=" + join(pings, ping -> ping.workNanos() / 1e6),
                "fx_blocked_max_ms=" + probe.worstWaitMillis());
        write(lines);
        probe.waitsInAtelierCode().forEach(LOG::warn);
        exit();
    }

    private static <T> String join(List<T> values, ToDoubleFunction<T> millis) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.3f", millis.applyAsDouble(value)))
                .collect(Collectors.joining(","));
    }

    private void fail(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        LOG.error("Window benchmark failed: {}", reason);
        if (probe != null) {
            probe.close();
        }
        write(List.of("error=" + reason.replace('\n', ' ')));
        exit();
    }

    private void write(List<String> lines) {
        try {
            Files.write(samplesFile, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Could not write the window benchmark's samples to {}", samplesFile, e);
        }
    }

    private void exit() {
        if (watchdog != null) {
            watchdog.stop();
        }
        studio.render().stop();
        Platform.exit();
    }
}
