package app.atelier.cli.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a sample of durations, in milliseconds. */
public record Stats(int count, double median, double p10, double p90, double p99, double min, double max) {

    public static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.1), quantile(sorted, 0.9),
                quantile(sorted, 0.99), sorted[0], sorted[sorted.length - 1]);
    }

    /** Linear interpolation between closest ranks, as numpy.percentile does by default. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + (sorted[above] - sorted[below]) * fraction;
    }

    /** (p90 − p10) / median: how much the timings spread, as a share of the median. */
    public double spread() {
        return median > 0 ? (p90 - p10) / median : 0;
    }
}
