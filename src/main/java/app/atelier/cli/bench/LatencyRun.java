package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.LiveParameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Engine-side responsiveness: a parameter change (what a slider does, through
 * {@code setParameters}) at a random moment of an iteration, then the time until the first record
 * and the first frame computed with the new value reach a listener, and how many iterations
 * began after the change but still used the old value (should be none; the one in flight
 * at the change finishes with the old value).
 */
public final class LatencyRun {

    private LatencyRun() {
    }

    public static String run(BenchSetup setup, BackboneKind backbone, int size, int changes) throws Exception {
        AtomicReference<LiveParameters> awaited = new AtomicReference<>();
        AtomicLong frameSeen = new AtomicLong();
        List<Double> recordMillis = new ArrayList<>();
        List<Double> frameMillis = new ArrayList<>();
        List<Double> iterationMillis = new ArrayList<>();
        int staleMax = 0;
        Random random = new Random(1);
        try (RecordingJob job = new RecordingJob(setup.spec(backbone, size, "adam", 1_000_000), frame -> {
            LiveParameters wanted = awaited.get();
            if (wanted != null && frame.record().parameters().equals(wanted)) {
                frameSeen.compareAndSet(0, System.nanoTime());
            }
        })) {
            for (int i = 0; i < 3; i++) {
                iterationMillis.add(job.next(Duration.ofMinutes(5)).record().nanos() / 1e6);
            }
            LiveParameters base = job.job().parameters();
            for (int change = 0; change < changes; change++) {
                double typical = iterationMillis.get(iterationMillis.size() - 1);
                Thread.sleep((long) (random.nextDouble() * typical));
                LiveParameters next = base.withBeta(base.beta() * (change % 2 == 0 ? 1.5 : 1.0));
                frameSeen.set(0);
                awaited.set(next);
                long set = System.nanoTime();
                job.job().setParameters(next);
                long applied = System.nanoTime();
                int stale = 0;
                RecordingJob.Arrival arrival;
                do {
                    arrival = job.next(Duration.ofMinutes(5));
                    iterationMillis.add(arrival.record().nanos() / 1e6);
                    // Stale: an iteration that began after setParameters returned yet used the old
                    // value. The one in flight at the change (begun before it) is expected and not counted.
                    if (!arrival.record().parameters().equals(next) && arrival.record().startedNanos() > applied) {
                        stale++;
                    }
                } while (!arrival.record().parameters().equals(next));
                staleMax = Math.max(staleMax, stale);
                recordMillis.add((arrival.receivedNanos() - set) / 1e6);
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (frameSeen.get() == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (frameSeen.get() != 0) {
                    frameMillis.add((frameSeen.get() - set) / 1e6);
                }
            }
        }
        Stats records = Stats.of(recordMillis);
        Stats frames = Stats.of(frameMillis.isEmpty() ? recordMillis : frameMillis);
        Stats iterations = Stats.of(iterationMillis);
        return String.format(Locale.ROOT,
                "LATENCY backbone=%s size=%d changes=%d iteration_ms=%.1f record_median_ms=%.1f record_max_ms=%.1f"
                        + " frame_median_ms=%.1f frame_max_ms=%.1f stale_iterations_max=%d",
                backbone.id(), size, changes, iterations.median(), records.median(), records.max(), frames.median(),
                frames.max(), staleMax);
    }
}
