package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Time to quality: runs the real job until its cost falls below {@code fraction} of the cost at
 * the start picture, and reports the wall time from starting the job (weights, targets and all)
 * and the iterations it took.
 */
public final class QualityRun {

    private QualityRun() {
    }

    private static double startCost(BenchSetup setup, BackboneKind backbone, int size) throws Exception {
        try (RecordingJob job = new RecordingJob(setup.spec(backbone, size, "adam", 1), frame -> { })) {
            return job.next(Duration.ofMinutes(10)).record().loss().total();
        }
    }

    /** @param trace where to print the cost every ten iterations, or null */
    public static String run(BenchSetup setup, BackboneKind backbone, int size, String optimizer, double fraction,
                             int maxIterations, PrintWriter trace) throws Exception {
        // Coarse-to-fine starts at a small size, whose costs are not comparable: the goal comes from
        // the cost of the same start picture at the output size, which one single-scale iteration gives.
        double start = BenchSetup.coarseToFine(optimizer) ? startCost(setup, backbone, size) : Double.NaN;
        try (RecordingJob job = new RecordingJob(setup.spec(backbone, size, optimizer, maxIterations), frame -> { })) {
            RecordingJob.Arrival first = job.next(Duration.ofMinutes(10));
            if (Double.isNaN(start)) {
                start = first.record().loss().total();
            }
            double goal = start * fraction;
            RecordingJob.Arrival last = first;
            while ((last.record().loss().total() > goal || last.record().scale() < last.record().scales())
                    && last.record().iteration() < maxIterations) {
                Optional<RecordingJob.Arrival> next = job.nextUnlessEnded(Duration.ofMinutes(10));
                if (next.isEmpty()) {
                    break; // converged above the goal
                }
                last = next.get();
                if (trace != null && last.record().iteration() % 10 == 0) {
                    trace.printf(Locale.ROOT, "  iteration %d: cost %.3f of the start, %.1f s%n", last.record().iteration(),
                            last.record().loss().total() / start, (last.receivedNanos() - job.startedNanos()) / 1e9);
                    trace.flush();
                }
            }
            boolean reached = last.record().loss().total() <= goal && last.record().scale() == last.record().scales();
            double wall = (last.receivedNanos() - job.startedNanos()) / 1e9;
            double setupSeconds = (first.receivedNanos() - job.startedNanos()) / 1e9 - first.record().nanos() / 1e9;
            return String.format(Locale.ROOT,
                    "QUALITY backbone=%s size=%d opt=%s fraction=%s reached=%s iterations=%d evaluations=%d wall_s=%.2f"
                            + " setup_s=%.2f start_cost=%.4g end_cost=%.4g",
                    backbone.id(), size, optimizer, fraction, reached, last.record().iteration(),
                    last.record().evaluations(), wall, setupSeconds,
                    start, last.record().loss().total());
        }
    }
}
