package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run that diverges stops with a message and keeps only a picture measured good. */
class DivergenceTest {

    private static JobSpec spec(int iterations, LiveParameters parameters) throws Exception {
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        return new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU, dog,
                List.of(new StyleSource(scream, 1)), 64, InitMode.CONTENT, 1, iterations, parameters);
    }

    private static LiveParameters defaults() {
        return Defaults.parameters(BackboneKind.SQUEEZENET1_1);
    }

    /** Runs {@code spec} to its end and returns the recorder of everything it published. */
    private static JobRecorder runToEnd(StyleTransferJob job) throws Exception {
        JobRecorder recorder = new JobRecorder();
        job.subscribe(recorder);
        assertThat(job.awaitFinished(Duration.ofMinutes(2))).isTrue();
        JobRecorder.await("the final state", 10, () -> recorder.states.contains(job.state()));
        return recorder;
    }

    @Test
    void learningRateThatThrowsPixelsToBlackAndWhiteStopsTheRunKeepingNoNoise() throws Exception {
        // Before: --lr 1e9 (the same as 10 once pixels are clamped) ran to the end and wrote noise.
        try (StyleTransferJob job = StyleTransferJob.start(spec(30, defaults().withLearningRate(10)))) {
            JobRecorder recorder = runToEnd(job);

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(recorder.failures).singleElement().satisfies(failure ->
                    assertThat(failure.getMessage()).contains("rose", "diverged", "learning rate"));
            assertThat(recorder.iterations()).isLessThan(30);
            // The first frame was already made with the huge step: nothing good to keep.
            assertThat(job.latestFrame()).isEmpty();
        }
    }

    @Test
    void costThatOverflowsStopsTheRunAndPromisesNothing() throws Exception {
        try (StyleTransferJob job = StyleTransferJob.start(spec(10, defaults().withBeta(1e308)))) {
            JobRecorder recorder = runToEnd(job);

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(recorder.failures).singleElement().satisfies(failure ->
                    assertThat(failure.getMessage()).contains("The cost became", "β 1.0E308").doesNotContain("kept"));
            assertThat(job.latestFrame()).isEmpty();
        }
    }

    @Test
    void divergenceAfterALiveChangeKeepsThePictureBeforeIt() throws Exception {
        try (StyleTransferJob job = StyleTransferJob.start(spec(100_000, defaults()))) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            JobRecorder.await("five iterations", 60, () -> recorder.iterations() >= 5);
            job.setParameters(defaults().withLearningRate(10));
            assertThat(job.awaitFinished(Duration.ofMinutes(1))).isTrue();

            assertThat(job.state()).isEqualTo(JobState.FAILED);
            List<IterationRecord> records = recorder.recordsCopy();
            int changedAt = records.stream().filter(IterationRecord::parametersChanged).findFirst()
                    .orElseThrow().iteration();
            Frame kept = job.latestFrame().orElseThrow();
            // The frame made with the old rate, whose cost was measured at the change, is the last good one.
            assertThat(kept.iteration()).isEqualTo(changedAt - 1);
            double lossOfKept = records.get(kept.iteration()).loss().total();
            assertThat(lossOfKept).isLessThan(records.get(0).loss().total());
        }
    }

    @Test
    void ordinaryRunsAreNotTakenForDivergence() throws Exception {
        for (LiveParameters parameters : List.of(defaults(), defaults().withLearningRate(0.2))) {
            try (StyleTransferJob job = StyleTransferJob.start(spec(15, parameters))) {
                runToEnd(job);
                assertThat(job.state()).as("lr " + parameters.learningRate()).isEqualTo(JobState.COMPLETED);
            }
        }
    }
}
