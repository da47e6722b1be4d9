package app.atelier.tooling;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.Frame;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.history.HistoryStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.control.Slider;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window half of {@code atelier bench --mode session}: a long session in the real studio
 * window. One run of ITERATIONS (single scale), the β slider moved a quarter decade (up, then
 * down) every CHANGE_EVERY iterations, and every SAMPLE_EVERY iterations a sample of the
 * process's resident memory ({@code VmRSS}), the Java heap in use, the heap still live after a
 * full collection, and the time per iteration since the last sample. The run is kept in a history
 * folder, whose size is reported at the end. Samples go to a file for the benchmark to print.
 *
 * <p>Arguments (the order {@code cli.bench.SessionRun} writes): {@code SAMPLES_FILE CONTENT STYLE
 * BACKBONE SIZE ITERATIONS CHANGE_EVERY SAMPLE_EVERY HISTORY_FOLDER}. Every step runs on the FX
 * thread, waiting with listeners and timers, never blocking it.
 */
public final class SessionBench {

    private static final Logger LOG = LoggerFactory.getLogger(SessionBench.class);
    private static final double SLIDER_STEP = 0.25;
    private static final Duration STALL_TIMEOUT = Duration.seconds(300);

    private final Path samplesFile;
    private final Path content;
    private final Path style;
    private final BackboneKind backbone;
    private final int size;
    private final int iterations;
    private final int changeEvery;
    private final int sampleEvery;
    private final Path historyFolder;
    private final List<String> lines = new ArrayList<>();
    private StudioViewModel studio;
    private Slider betaSlider;
    private PauseTransition watchdog;
    private int nextChange;
    private int nextSample;
    private int changes;
    private long lastSampleNanos;
    private int lastSampleIteration;
    private boolean finished;

    private SessionBench(String[] args) {
        samplesFile = Path.of(args[0]);
        content = Path.of(args[1]);
        style = Path.of(args[2]);
        backbone = BackboneKind.fromId(args[3]);
        size = Integer.parseInt(args[4]);
        iterations = Integer.parseInt(args[5]);
        changeEvery = Integer.parseInt(args[6]);
        sampleEvery = Integer.parseInt(args[7]);
        historyFolder = Path.of(args[8]);
    }

    public static void main(String[] args) {
        ScriptedStudio.requireArguments(args, "SessionBench", "SAMPLES_FILE", "CONTENT", "STYLE", "BACKBONE", "SIZE",
                "ITERATIONS", "CHANGE_EVERY", "SAMPLE_EVERY", "HISTORY_FOLDER");
        SessionBench bench = new SessionBench(args);
        ScriptedStudio.launch((stage, window, studio) -> bench.run(window, studio));
    }

    private void run(StudioWindow window, StudioViewModel studioViewModel) {
        studio = studioViewModel;
        betaSlider = ScriptedStudio.betaSlider(window, this::fail);
        if (betaSlider == null) {
            return;
        }
        watchdog = FxWaits.after(STALL_TIMEOUT, () -> fail("no iteration for " + STALL_TIMEOUT.toSeconds() + " s"));
        studio.renders().keepIn(new HistoryStore(historyFolder));
        studio.settings().iterationsProperty().set(iterations);
        studio.settings().quality().scalesProperty().set(1);
        ScriptedStudio.open(studio, backbone, size, content, style, this::start);
    }

    private void start() {
        lines.add("backbone=" + backbone.id());
        lines.add("size=" + size);
        lines.add("iterations=" + iterations);
        nextChange = changeEvery;
        nextSample = sampleEvery;
        lastSampleNanos = System.nanoTime();
        sample(0);
        studio.render().iterationProperty().addListener((obs, old, now) -> iterated(now.intValue()));
        studio.render().activeProperty().addListener((obs, was, active) -> {
            if (!active) {
                ended();
            }
        });
        studio.render().start();
    }

    /** FX thread; the count moves in batches (once per pulse), so thresholds are crossed, not hit. */
    private void iterated(int iteration) {
        if (finished) {
            return;
        }
        watchdog.playFromStart();
        while (iteration >= nextChange && nextChange < iterations) {
            betaSlider.setValue(betaSlider.getValue() + (changes % 2 == 0 ? SLIDER_STEP : -SLIDER_STEP));
            changes++;
            nextChange += changeEvery;
        }
        if (iteration >= nextSample) {
            sample(iteration);
            while (nextSample <= iteration) {
                nextSample += sampleEvery;
            }
        }
    }

    private void sample(int iteration) {
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        // A full collection so that the live heap, not garbage awaiting collection, is what is compared.
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long now = System.nanoTime();
        double msPerIteration = iteration == lastSampleIteration ? 0 : (now - lastSampleNanos) / 1e6 / (iteration - lastSampleIteration);
        lines.add(String.format(Locale.ROOT, "sample=%d,%.1f,%.1f,%.1f,%.1f,%d", iteration, residentMegabytes(),
                heap / 1e6, live / 1e6, msPerIteration, changes));
        lastSampleNanos = System.nanoTime();
        lastSampleIteration = iteration;
    }

    private static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1e3;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.warn("No VmRSS: {}", e.getMessage());
        }
        return Double.NaN;
    }

    private void ended() {
        if (finished) {
            return;
        }
        Frame last = studio.render().frameProperty().get();
        sample(last == null ? studio.render().iterationProperty().get() : last.iteration());
        // The run's history entry is written on the history's thread; wait for it, then weigh the folder.
        FxWaits.waitUntil(() -> !studio.renders().entries().isEmpty(), () -> {
            lines.add("history_entries=" + studio.renders().entries().size());
            lines.add("history_bytes=" + new HistoryStore(historyFolder).bytesUsed());
            lines.add("history_entry_bytes=" + studio.renders().entries().get(0).bytes());
            finish();
        });
    }

    private void finish() {
        finished = true;
        watchdog.stop();
        write(lines);
        Platform.exit();
    }

    private void fail(String reason) {
        if (finished) {
            return;
        }
        finished = true;
        LOG.error("Session benchmark failed: {}", reason);
        List<String> failed = new ArrayList<>(lines);
        failed.add("error=" + reason.replace('\n', ' '));
        write(failed);
        studio.render().stop();
        Platform.exit();
    }

    private void write(List<String> text) {
        try {
            Files.write(samplesFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.error("Could not write the session benchmark's samples to {}", samplesFile, e);
        }
    }
}
