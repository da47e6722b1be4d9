package app.atelier.cli.bench;

import app.atelier.engine.JobSpec;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Times one configuration in this process: warm-up iterations, then timed ones, each the job's
 * own measure of its iteration (cost, gradient, update and the picture for the window).
 */
public final class ThroughputRun {

    private ThroughputRun() {
    }

    public static BenchResult run(BenchConfig config, BenchSetup setup) throws Exception {
        if (!config.optimizer().equals("adam")) {
            throw new IllegalArgumentException("optimizer " + config.optimizer() + " is not available in the engine");
        }
        JobSpec spec = setup.spec(config.backbone(), config.size(), config.warmup() + config.iterations());
        List<Double> millis = new ArrayList<>();
        try (RecordingJob job = new RecordingJob(spec, frame -> { })) {
            for (int i = 0; i < config.warmup() + config.iterations(); i++) {
                RecordingJob.Arrival arrival = job.next(Duration.ofMinutes(10));
                if (i >= config.warmup()) {
                    millis.add(arrival.record().nanos() / 1e6);
                }
            }
        }
        RgbImage scaled = ImageResizer.toLongSide(setup.content(), config.size());
        double flops = FlopCount.perEvaluation(config.backbone(), scaled.width(), scaled.height(), spec.parameters());
        long peak = PeakMemory.peakBytes().orElse(0);
        return BenchResult.of(config, "atelier", scaled.width(), scaled.height(), Stats.of(millis), peak, flops,
                CpuPeak.detect(config.threads()));
    }
}
