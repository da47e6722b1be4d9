package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Real SqueezeNet jobs on the sample pictures, for the render-quality tests. */
final class QualityRuns {

    /** Every record and the last frame of a finished job. */
    record Run(List<IterationRecord> records, Frame last, JobState state) {
        IterationRecord lastRecord() {
            return records.get(records.size() - 1);
        }
    }

    private QualityRuns() {
    }

    /** dog.jpg, scaled down so the tests stay fast (the job scales it again to the output size). */
    static RgbImage dog() throws Exception {
        return ImageResizer.toLongSide(ImageLoader.load(TestData.image("dog.jpg")), 200);
    }

    static RgbImage scream() throws Exception {
        return ImageResizer.toLongSide(ImageLoader.load(TestData.image("scream.jpg")), 200);
    }

    static JobSpec spec(int longSide, InitMode init, int iterations, RenderQuality quality) throws Exception {
        return new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU,
                dog(), List.of(new StyleSource(scream(), 1)), longSide, init, 7, iterations,
                Defaults.parameters(BackboneKind.SQUEEZENET1_1), quality);
    }

    /**
     * The exact-cost recipe SqueezeNet used before normalised costs (CS231n's layer weights, β 0.0025):
     * keeps {@link CostMode#EXACT} covered end to end, and lets optimiser tests compare on a fixed cost.
     */
    static LiveParameters exactSqueezeNetRecipe() {
        return new LiveParameters(1.0, 0.0025, 0.0, 0.015, List.of("fire1"), List.of(new StyleLayer("conv0", 20000),
                new StyleLayer("fire2", 500), new StyleLayer("fire3", 12), new StyleLayer("fire4", 1)), CostMode.EXACT);
    }

    static Run run(JobSpec spec) throws Exception {
        return run(spec, records -> false);
    }

    /** Runs {@code spec} to the end, or until {@code stopWhen} holds for the records so far. */
    static Run run(JobSpec spec, Predicate<List<IterationRecord>> stopWhen) throws Exception {
        return run(spec, stopWhen, Duration.ofSeconds(120));
    }

    /** {@link #run(JobSpec, Predicate)} with room for a larger render on a busy machine. */
    static Run run(JobSpec spec, Predicate<List<IterationRecord>> stopWhen, Duration limit) throws Exception {
        List<IterationRecord> records = new CopyOnWriteArrayList<>();
        StyleTransferJob job = StyleTransferJob.start(spec);
        try (job) {
            job.subscribe(new JobListener() {
                @Override
                public void onIterations(List<IterationRecord> batch) {
                    records.addAll(batch);
                    if (stopWhen.test(records)) {
                        job.stop();
                    }
                }
            });
            assertThat(job.awaitFinished(limit)).as("job finished").isTrue();
        }
        // close() has waited for the listener to receive everything.
        assertThat(job.state()).isIn(JobState.COMPLETED, JobState.STOPPED);
        List<IterationRecord> all = new ArrayList<>(records);
        assertThat(all).isNotEmpty();
        return new Run(all, job.latestFrame().orElseThrow(), job.state());
    }
}
