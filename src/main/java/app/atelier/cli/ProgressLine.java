package app.atelier.cli;

import app.atelier.engine.LossBreakdown;
import app.atelier.model.DownloadProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one progress line of the terminal, for {@code render} (iterations) and {@code models}
 * (downloads) alike: a bar with a count, a rate and the time left, redrawn in place with a
 * carriage return, and permanent lines (losses, stages) printed over it. Not thread-safe: its
 * owner calls it from one thread at a time.
 */
final class ProgressLine {

    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private int shownLength;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    /** Redraws the line as {@code text}, blanking whatever a longer earlier text left behind. */
    void show(String text) {
        err.print("\r" + text + padding(text));
        err.flush();
        shownLength = text.length();
    }

    /** Prints {@code text} as a permanent line where the progress line was; the next {@link #show} draws below it. */
    void printAbove(String text) {
        err.print("\r" + text + padding(text) + System.lineSeparator());
        err.flush();
        shownLength = 0;
    }

    /** Keeps the line as last shown and moves to the next. */
    void end() {
        err.println();
        err.flush();
        shownLength = 0;
    }

    private String padding(String text) {
        return " ".repeat(Math.max(0, shownLength - text.length()));
    }

    /**
     * "[#######.................]  60/200  8.4 it/s  ETA 0:17".
     *
     * @param iterationsPerSecond NaN while unknown (before the first iteration)
     */
    static String iterations(int done, int total, double iterationsPerSecond) {
        String bar = bar(total <= 0 ? 0 : (double) Math.min(done, total) / total);
        int width = Integer.toString(total).length();
        String count = String.format(Locale.ROOT, "%" + width + "d/%d", done, total);
        if (!(iterationsPerSecond > 0) || Double.isInfinite(iterationsPerSecond)) {
            return bar + " " + count;
        }
        long etaSeconds = Math.round(Math.max(0, total - done) / iterationsPerSecond);
        return String.format(Locale.ROOT, "%s %s  %s it/s  ETA %s",
                bar, count, rate(iterationsPerSecond), duration(etaSeconds));
    }

    /** "[############............] 300.0/574.7 MB  8.2 MB/s  ETA 0:35"; without a total, the bytes so far. */
    static String download(DownloadProgress progress) {
        String total = progress.totalBytes() > 0 ? String.format(Locale.ROOT, "/%.1f", progress.totalBytes() / 1e6) : "";
        String eta = progress.remaining().map(left -> "  ETA " + duration(left.toSeconds())).orElse("");
        return String.format(Locale.ROOT, "%s %.1f%s MB  %.1f MB/s%s", bar(Math.max(0, progress.fraction())),
                progress.receivedBytes() / 1e6, total, progress.bytesPerSecond() / 1e6, eta);
    }

    /** "iter  10/200  total 1.23e+02  content 4.56e-01  style 7.89e+00 [conv0 1.0e-01, ...]  tv 0". */
    static String losses(int iteration, int total, LossBreakdown loss) {
        int width = Integer.toString(total).length();
        String perLayer = loss.stylePerLayer().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + sci(e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "iter %" + width + "d/%d  total %s  content %s  style %s%s  tv %s",
                iteration, total, sci(loss.total()), sci(loss.content()), sci(loss.style()),
                perLayer.isEmpty() ? "" : " [" + perLayer + "]", sci(loss.tv()));
    }

    static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        long secs = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    /** "[######..................]" for a fraction 0..1. */
    private static String bar(double fraction) {
        int filled = (int) (BAR_WIDTH * Math.min(1, fraction));
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private static String rate(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : perSecond >= 1 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private static String sci(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.3e", value);
    }
}
