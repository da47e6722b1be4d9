package app.atelier.cli;

import app.atelier.engine.JobSpec;
import app.atelier.engine.PrintPass;
import app.atelier.image.RgbImage;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The second stage of {@code render --size N} above the working size: the finished working-size
 * render refined at print size, tile by tile, with a progress line that names the tile and the
 * time left. Ctrl-C calls {@link #cancel}, and the picture as far as it got is still written.
 */
final class PrintStage {

    private final PrintPass pass;
    private final int tiles;

    /** @param printSpec the render's spec at the print size */
    PrintStage(JobSpec printSpec, RgbImage working, PrintPass.Settings settings) {
        this.pass = new PrintPass(printSpec, working, settings);
        double scale = (double) printSpec.longSide() / printSpec.content().longSide();
        int width = (int) Math.round(printSpec.content().width() * scale);
        int height = (int) Math.round(printSpec.content().height() * scale);
        this.tiles = PrintPass.tileCount(Math.max(1, width), Math.max(1, height), settings);
    }

    /** Runs the pass on this thread; returns the print, complete or as far as it got when cancelled. */
    RgbImage run(PrintWriter err, boolean quiet) throws Exception {
        ProgressLine line = new ProgressLine(err);
        if (!quiet) {
            line.printAbove(String.format(Locale.ROOT, "Print pass: %d tiles at full size", tiles));
            line.show(tileLine(0, tiles, Double.NaN));
        }
        RgbImage print = pass.run(progress -> {
            if (!quiet) {
                line.show(tileLine(progress.tile(), progress.tiles(), progress.secondsLeft()));
            }
        });
        if (!quiet) {
            line.end();
            if (pass.cancelled()) {
                err.println("Print pass stopped; the print as far as it got is written.");
                err.flush();
            }
        }
        return print;
    }

    /** Ends the pass after the current tile. */
    void cancel() {
        pass.cancel();
    }

    boolean cancelled() {
        return pass.cancelled();
    }

    /** The print as far as it got; null before the pass started. */
    RgbImage current() {
        return pass.current();
    }

    static String tileLine(int done, int total, double secondsLeft) {
        String eta = Double.isFinite(secondsLeft) ? "  ETA " + ProgressLine.duration(Math.round(secondsLeft)) : "";
        return ProgressLine.iterations(done, total, Double.NaN) + " tiles" + eta;
    }
}
