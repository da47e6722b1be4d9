package app.atelier.cli.bench;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * What the studio window measured for {@code bench --mode window}, as the window's script
 * ({@code app.atelier.tooling.WindowBench}) writes it: one {@code key=value} line per measure,
 * lists comma-separated, times in milliseconds; or a single {@code error=} line.
 *
 * @param iterationMillis       wall time of each iteration after the warm-up
 * @param changeToFrameMillis   per β change: until the pulse that drew the first frame computed with it
 * @param iterationsToShow      per β change: iterations finished from the change to that frame, itself
 *                              included (2 when the iteration running at the change still used the old β)
 * @param fxWallMillis          per ping: how long a runLater waited for the FX thread
 * @param fxWorkMillis          per ping: CPU time the FX thread spent meanwhile
 * @param fxBlockedMaxMillis    the longest stretch the FX thread was seen waiting inside Atelier's code
 */
public record WindowSamples(String backbone, int size, List<Double> iterationMillis, List<Double> changeToFrameMillis,
                            List<Integer> iterationsToShow, List<Double> fxWallMillis, List<Double> fxWorkMillis,
                            double fxBlockedMaxMillis) {

    public static final String PREFIX = "WINDOW";

    public WindowSamples {
        iterationMillis = List.copyOf(iterationMillis);
        changeToFrameMillis = List.copyOf(changeToFrameMillis);
        iterationsToShow = List.copyOf(iterationsToShow);
        fxWallMillis = List.copyOf(fxWallMillis);
        fxWorkMillis = List.copyOf(fxWorkMillis);
    }

    /**
     * @throws IllegalArgumentException when the window reported an error, or a measure is missing or empty
     */
    public static WindowSamples parse(String text) {
        Properties fields = new Properties();
        try {
            fields.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable samples: " + e.getMessage(), e);
        }
        if (fields.containsKey("error")) {
            throw new IllegalArgumentException(fields.getProperty("error"));
        }
        return new WindowSamples(field(fields, "backbone"), Integer.parseInt(field(fields, "size")),
                numbers(fields, "iteration_ms"), numbers(fields, "change_to_frame_ms"),
                numbers(fields, "iterations_to_show").stream().map(Double::intValue).toList(),
                numbers(fields, "fx_wall_ms"), numbers(fields, "fx_work_ms"),
                Double.parseDouble(field(fields, "fx_blocked_max_ms")));
    }

    private static String field(Properties fields, String key) {
        String value = fields.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the window's samples lack " + key);
        }
        return value.trim();
    }

    private static List<Double> numbers(Properties fields, String key) {
        return Arrays.stream(field(fields, key).split(",")).map(String::trim).map(Double::parseDouble).toList();
    }

    /** The {@code WINDOW key=value ...} line: medians, a 99th percentile and maxima of the samples. */
    public String toLine() {
        Stats changes = Stats.of(changeToFrameMillis);
        Stats wall = Stats.of(fxWallMillis);
        Stats work = Stats.of(fxWorkMillis);
        return String.format(Locale.ROOT,
                PREFIX + " backbone=%s size=%d changes=%d iteration_ms=%.1f change_to_frame_median_ms=%.1f"
                        + " change_to_frame_max_ms=%.1f iterations_to_show_max=%d fx_pings=%d fx_wall_median_ms=%.1f"
                        + " fx_wall_p99_ms=%.1f fx_wall_max_ms=%.1f fx_work_max_ms=%.1f fx_blocked_max_ms=%.0f",
                backbone, size, changes.count(), Stats.of(iterationMillis).median(), changes.median(), changes.max(),
                iterationsToShowMax(), wall.count(), wall.median(), wall.p99(), wall.max(), work.max(),
                fxBlockedMaxMillis);
    }

    /** The same figures in words, with the targets they answer to. */
    public String summary() {
        Stats changes = Stats.of(changeToFrameMillis);
        Stats wall = Stats.of(fxWallMillis);
        return String.format(Locale.ROOT,
                "Window (%s, %d px; the β slider moved %d times at random moments of an iteration of %.0f ms):"
                        + " the new β was in the picture after %.0f ms median, %.0f ms at most, at most %d iterations"
                        + " after the change (2: the iteration under way at the change still used the old β)."
                        + " FX thread: %d pings waited %.1f ms median, %.1f ms p99, %.1f ms at most, its own work"
                        + " in a wait at most %.1f ms; seen waiting inside Atelier code at most %.0f ms."
                        + " Targets: within one iteration; no FX-thread stall over 50 ms.",
                backbone, size, changes.count(), Stats.of(iterationMillis).median(), changes.median(), changes.max(),
                iterationsToShowMax(), wall.count(), wall.median(), wall.p99(), wall.max(),
                Stats.of(fxWorkMillis).max(), fxBlockedMaxMillis);
    }

    public int iterationsToShowMax() {
        return iterationsToShow.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
