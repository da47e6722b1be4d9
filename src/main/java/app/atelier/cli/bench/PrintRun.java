package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.JobSpec;
import app.atelier.engine.PrintPass;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One print size in this process: the working render, then the print pass, each timed, and the
 * process's peak resident memory, which the pass should keep near the working size's whatever
 * the print size. Runs in a fresh JVM per size (VmHWM cannot be reset).
 */
public final class PrintRun {

    public static final String PREFIX = "PRINT ";

    private PrintRun() {
    }

    /**
     * @param workingIterations iterations of the working render (coarse to fine as the defaults say)
     */
    public static String run(BenchSetup setup, BackboneKind backbone, int printSize, int workingSize,
                             int workingIterations, PrintPass.Settings settings) throws Exception {
        JobSpec working = setup.spec(backbone, Math.min(printSize, workingSize), "adam", workingIterations);
        long started = System.nanoTime();
        RgbImage render = null;
        try (RecordingJob job = new RecordingJob(working, frame -> { })) {
            Optional<RecordingJob.Arrival> arrival;
            do {
                arrival = job.nextUnlessEnded(Duration.ofHours(1));
            } while (arrival.isPresent());
            render = job.job().latestFrame().orElseThrow(
                    () -> new IllegalStateException("the working render made no picture")).image();
        }
        double workingSeconds = (System.nanoTime() - started) / 1e9;
        JobSpec print = working.withLongSide(printSize);
        long printStarted = System.nanoTime();
        int[] tiles = {0};
        RgbImage result = new PrintPass(print, render, settings).run(progress -> tiles[0] = progress.tiles());
        double printSeconds = (System.nanoTime() - printStarted) / 1e9;
        long peak = PeakMemory.peakBytes().orElse(0);
        double tilePixels = (double) settings.tileSize() * settings.tileSize();
        double perMegapixelIteration = tiles[0] == 0 ? 0
                : printSeconds / (tiles[0] * (double) settings.iterationsPerTile() * tilePixels / 1e6);
        return String.format(Locale.ROOT,
                "%sbackbone=%s size=%d width=%d height=%d working=%d tiles=%d tile=%d tile_iterations=%d"
                        + " working_s=%.1f print_s=%.1f s_per_mpx_iteration=%.3f peak_rss_mb=%.0f",
                PREFIX, backbone.id(), printSize, result.width(), result.height(), render.longSide(), tiles[0],
                settings.tileSize(), settings.iterationsPerTile(), workingSeconds, printSeconds, perMegapixelIteration,
                peak / 1e6);
    }
}
