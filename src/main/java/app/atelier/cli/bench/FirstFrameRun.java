package app.atelier.cli.bench;

import app.atelier.engine.Defaults;
import app.atelier.engine.Frame;
import app.atelier.engine.JobSpec;
import app.atelier.engine.StyleSource;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What a first Start shows and when: in a fresh JVM, the default settings at {@code size}
 * submitted as the window's Start submits them (weights looked up and loaded, targets built, all
 * counted), then for each size of the coarse-to-fine schedule the time until the first frame of
 * that size reached a listener (the window draws it at its next pulse) and until the size's last
 * iteration, and until the final picture. The same, counted from the process's launch, adds the
 * JVM's start-up. Optionally saves the first and last frame of each size, to look at.
 */
public final class FirstFrameRun {

    public static final String PREFIX = "FIRSTFRAME ";

    private FirstFrameRun() {
    }

    /** When a size's first and last frames reached the listener, in nanoTime, and the frames. */
    private static final class SizeSeen {
        volatile long firstNanos;
        volatile long lastNanos;
        volatile Frame first;
        volatile Frame last;
    }

    /** A frame of the smallest size and when it reached the listener. */
    private record Seen(Frame frame, long nanos) {
    }

    /**
     * @param iterations   null for the default run; else this many, split evenly over the default sizes
     *                     (a short run for tests)
     * @param framesFolder where to save each size's first and last frame, or null
     */
    public static String run(BenchSetup setup, int size, Integer iterations, Path framesFolder) throws Exception {
        String loadBefore = loadAverage();
        long startNanos = System.nanoTime();
        Instant start = Instant.now();
        // As the window's Start: the weights are looked up on the search path, then the job is queued.
        Path weights = WeightsSearchPath.standard().find(Defaults.BACKBONE).orElseThrow(
                () -> new IllegalStateException("no " + Defaults.BACKBONE.displayName() + " weights on the search path"));
        JobSpec spec = new JobSpec(Defaults.BACKBONE, weights, Defaults.POOLING, Defaults.DEVICE, setup.content(),
                List.of(new StyleSource(setup.style(), 1.0)), size, Defaults.INIT, Defaults.SEED,
                iterations == null ? Defaults.QUALITY.totalIterations(Defaults.ITERATIONS) : iterations,
                Defaults.parameters(Defaults.BACKBONE),
                iterations == null ? Defaults.QUALITY : Defaults.QUALITY.withScales(Defaults.QUALITY.scales(), 0));
        Map<Integer, SizeSeen> seen = new ConcurrentHashMap<>();
        // The smallest size's frames, to tell when its painting has formed (small: at most 256 px).
        List<Seen> smallest = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (RecordingJob job = new RecordingJob(spec, frame -> {
            long now = System.nanoTime();
            SizeSeen sizeSeen = seen.computeIfAbsent(frame.record().scale(), scale -> new SizeSeen());
            if (sizeSeen.first == null) {
                sizeSeen.first = frame;
                sizeSeen.firstNanos = now;
            }
            sizeSeen.last = frame;
            sizeSeen.lastNanos = now;
            if (frame.record().scale() == 1) {
                smallest.add(new Seen(frame, now));
            }
        })) {
            while (job.nextUnlessEnded(Duration.ofHours(1)).isPresent()) {
                // Every record up to the end; the frames are what the window would show.
            }
        }
        if (seen.isEmpty()) {
            throw new IllegalStateException("the job ended before its first iteration");
        }
        double launchToStart = ProcessHandle.current().info().startInstant()
                .map(launch -> Duration.between(launch, start).toNanos() / 1e9).orElse(Double.NaN);
        Map<Integer, SizeSeen> sizes = new TreeMap<>(seen);
        // The newest frame is never dropped, so the largest size's last one is the final picture.
        SizeSeen largest = sizes.get(sizes.size());
        long finalNanos = largest.lastNanos;
        // The smallest size a quarter and half way through: whether a painting shows before its last iteration.
        int smallestEnd = sizes.get(1).last.iteration();
        Seen quarter = firstFrom(smallest, (smallestEnd + 3) / 4);
        Seen half = firstFrom(smallest, (smallestEnd + 1) / 2);
        if (framesFolder != null) {
            save(framesFolder, sizes);
            write(framesFolder, 1, quarter.frame());
            write(framesFolder, 1, half.frame());
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%sbackbone=%s size=%d scales=%d iterations=%d sizes_px=%s launch_to_start_s=%.2f",
                PREFIX, Defaults.BACKBONE.id(), size, sizes.size(), largest.last.iteration(),
                sizes.values().stream().map(s -> Integer.toString(s.first.image().longSide()))
                        .collect(Collectors.joining(",")), launchToStart));
        sizes.forEach((scale, s) -> line.append(String.format(Locale.ROOT,
                " scale%d_first_s=%.2f scale%d_first_iteration=%d scale%d_last_s=%.2f", scale,
                (s.firstNanos - startNanos) / 1e9, scale, s.first.iteration(), scale, (s.lastNanos - startNanos) / 1e9)));
        // What the first frame waited for besides its own iteration: weights, targets, the start picture.
        line.append(String.format(Locale.ROOT, " first_iteration_s=%.2f", sizes.get(1).first.record().nanos() / 1e9));
        line.append(String.format(Locale.ROOT, " scale1_quarter_iteration=%d scale1_quarter_s=%.2f"
                        + " scale1_half_iteration=%d scale1_half_s=%.2f", quarter.frame().iteration(),
                (quarter.nanos() - startNanos) / 1e9, half.frame().iteration(), (half.nanos() - startNanos) / 1e9));
        line.append(String.format(Locale.ROOT, " final_s=%.2f launch_to_first_s=%.2f launch_to_final_s=%.2f"
                        + " load_before=%s load_after=%s",
                (finalNanos - startNanos) / 1e9, launchToStart + (sizes.get(1).firstNanos - startNanos) / 1e9,
                launchToStart + (finalNanos - startNanos) / 1e9, loadBefore, loadAverage()));
        return line.toString();
    }

    private static Seen firstFrom(List<Seen> frames, int iteration) {
        synchronized (frames) {
            return frames.stream().filter(seen -> seen.frame().iteration() >= iteration).findFirst()
                    .orElse(frames.get(frames.size() - 1));
        }
    }

    /** A line of figures in words, for people. */
    public static String summary(String line) {
        BenchResult r = BenchResult.parse(BenchResult.PREFIX + line.substring(PREFIX.length()));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "From Start (weights and targets included): first frame %.1f s (its iteration %.2f s),"
                        + " iteration %s %.1f s, iteration %s %.1f s; ",
                r.number("scale1_first_s"), r.number("first_iteration_s"), r.get("scale1_quarter_iteration"),
                r.number("scale1_quarter_s"),
                r.get("scale1_half_iteration"), r.number("scale1_half_s")));
        int scales = (int) r.number("scales");
        String[] px = r.get("sizes_px").split(",");
        for (int scale = 1; scale <= scales; scale++) {
            text.append(String.format(Locale.ROOT, "%s px from %.1f s to %.1f s; ", px[scale - 1],
                    r.number("scale" + scale + "_first_s"), r.number("scale" + scale + "_last_s")));
        }
        return text.append(String.format(Locale.ROOT,
                "final %.1f s. From launch: first frame %.1f s, final %.1f s. Load average %s before, %s after.",
                r.number("final_s"), r.number("launch_to_first_s"), r.number("launch_to_final_s"),
                r.get("load_before"), r.get("load_after"))).toString();
    }

    private static void save(Path folder, Map<Integer, SizeSeen> sizes) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<Integer, SizeSeen> entry : sizes.entrySet()) {
            write(folder, entry.getKey(), entry.getValue().first);
            write(folder, entry.getKey(), entry.getValue().last);
        }
    }

    private static void write(Path folder, int scale, Frame frame) throws IOException {
        RgbImage image = frame.image();
        PngWriter.write(image, folder.resolve(String.format(Locale.ROOT, "first-frame-scale%d-%04d.png", scale,
                frame.iteration())), Map.of());
    }

    /** The 1-minute load average, or "?" where /proc/loadavg cannot be read. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
