package app.atelier.cli.bench;

import app.atelier.engine.JobSpec;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times one configuration in this process: warm-up iterations, then timed ones, each the job's
 * own measure of its iteration (cost, gradient, update and the picture for the window). An L-BFGS
 * iteration may evaluate the cost several times; the FLOPs count every evaluation.
 */
public final class ThroughputRun {

    private ThroughputRun() {
    }

    public static BenchResult run(BenchConfig config, BenchSetup setup, CpuPeak peak) throws Exception {
        JobSpec spec = setup.spec(config.backbone(), config.size(), config.optimizer(),
                config.warmup() + config.iterations());
        List<Double> millis = new ArrayList<>();
        int evaluationsBefore = 0;
        int evaluationsAfter = 0;
        try (RecordingJob job = new RecordingJob(spec, frame -> { })) {
            for (int i = 0; i < config.warmup() + config.iterations(); i++) {
                Optional<RecordingJob.Arrival> arrival = job.nextUnlessEnded(Duration.ofMinutes(10));
                if (arrival.isEmpty()) {
                    break; // L-BFGS may converge early: time what ran.
                }
                if (i < config.warmup()) {
                    evaluationsBefore = arrival.get().record().evaluations();
                } else {
                    millis.add(arrival.get().record().nanos() / 1e6);
                }
                evaluationsAfter = arrival.get().record().evaluations();
            }
        }
        if (millis.isEmpty()) {
            throw new IllegalStateException("the job ended during the warm-up; use fewer warm-up iterations");
        }
        double evaluationsPerIteration = (double) (evaluationsAfter - evaluationsBefore) / millis.size();
        RgbImage scaled = ImageResizer.toLongSide(setup.content(), config.size());
        double flops = evaluationsPerIteration
                * FlopCount.perEvaluation(config.backbone(), scaled.width(), scaled.height(), spec.parameters());
        long peakBytes = PeakMemory.peakBytes().orElse(0);
        return BenchResult.of(config, "atelier", scaled.width(), scaled.height(), Stats.of(millis), peakBytes, flops,
                evaluationsPerIteration, peak);
    }
}
