package app.atelier.cli.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One configuration's figures as the single line a child process prints and the parent (or
 * bench/compare.sh) parses: {@code RESULT key=value ...}. The Python reference prints the same keys.
 */
public record BenchResult(Map<String, String> fields) {

    public static final String PREFIX = "RESULT ";

    public BenchResult {
        fields = Map.copyOf(fields);
    }

    public static BenchResult of(BenchConfig config, String impl, int width, int height, Stats stats,
                                 long peakBytes, double flopsPerIteration, double evaluationsPerIteration,
                                 CpuPeak peak) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("backbone", config.backbone().id());
        fields.put("size", Integer.toString(config.size()));
        fields.put("opt", config.optimizer());
        fields.put("impl", impl);
        fields.put("width", Integer.toString(width));
        fields.put("height", Integer.toString(height));
        fields.put("threads", Integer.toString(config.threads()));
        fields.put("warmup", Integer.toString(config.warmup()));
        fields.put("iterations", Integer.toString(stats.count()));
        fields.put("median_ms", format(stats.median()));
        fields.put("p10_ms", format(stats.p10()));
        fields.put("p90_ms", format(stats.p90()));
        fields.put("min_ms", format(stats.min()));
        fields.put("max_ms", format(stats.max()));
        fields.put("it_s", format(1000.0 / stats.median()));
        fields.put("evals_per_it", format(evaluationsPerIteration));
        fields.put("peak_rss_mb", format(peakBytes / (1024.0 * 1024.0)));
        double gflops = flopsPerIteration / 1e9 / (stats.median() / 1000.0);
        fields.put("gflop_per_it", format(flopsPerIteration / 1e9));
        fields.put("gflops", format(gflops));
        fields.put("peak_share", format(peak.gflops() > 0 ? gflops / peak.gflops() : 0));
        return new BenchResult(fields);
    }

    public String get(String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalStateException("result line lacks " + key);
        }
        return value;
    }

    public double number(String key) {
        return Double.parseDouble(get(key));
    }

    /** The line, keys in the fixed order of {@link #KEYS}. */
    public String toLine() {
        StringBuilder line = new StringBuilder("RESULT");
        for (String key : KEYS) {
            if (fields.containsKey(key)) {
                line.append(' ').append(key).append('=').append(fields.get(key));
            }
        }
        return line.toString();
    }

    static final String[] KEYS = {"backbone", "size", "opt", "impl", "width", "height", "threads", "warmup",
        "iterations", "median_ms", "p10_ms", "p90_ms", "min_ms", "max_ms", "it_s", "evals_per_it", "peak_rss_mb", "gflop_per_it",
        "gflops", "peak_share"};

    public static BenchResult parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String word : line.substring(PREFIX.length()).trim().split("\\s+")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                fields.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return new BenchResult(fields);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
