package app.atelier.cli;

import app.atelier.engine.LossBreakdown;
import java.util.Locale;
import java.util.stream.Collectors;

/** Formats the one-line progress bar and the periodic loss lines of {@code render}. */
final class ProgressLine {

    private static final int BAR_WIDTH = 24;

    private ProgressLine() {
    }

    /**
     * "[#######.................]  60/200  8.4 it/s  ETA 0:17".
     *
     * @param iterationsPerSecond NaN while unknown (before the first iteration)
     */
    static String bar(int done, int total, double iterationsPerSecond) {
        int filled = total <= 0 ? 0 : (int) ((long) BAR_WIDTH * Math.min(done, total) / total);
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        int width = Integer.toString(total).length();
        String count = String.format(Locale.ROOT, "%" + width + "d/%d", done, total);
        if (!(iterationsPerSecond > 0) || Double.isInfinite(iterationsPerSecond)) {
            return "[" + bar + "] " + count;
        }
        long etaSeconds = Math.round(Math.max(0, total - done) / iterationsPerSecond);
        return String.format(Locale.ROOT, "[%s] %s  %s it/s  ETA %s",
                bar, count, rate(iterationsPerSecond), duration(etaSeconds));
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

    private static String rate(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : perSecond >= 1 ? String.format(Locale.ROOT, "%.1f", perSecond)
                : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private static String sci(double value) {
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.3e", value);
    }
}
