package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.AwtImages;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StyleTransferJobTest {

    private static JobSpec spec(int size, int iterations, InitMode init, long seed, LiveParameters parameters)
            throws Exception {
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        return new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU, dog,
                List.of(new StyleSource(scream, 1)), size, init, seed, iterations, parameters);
    }

    private static LiveParameters defaults() {
        return Defaults.parameters(BackboneKind.SQUEEZENET1_1);
    }

    @Test
    void realTransferMovesTheDogTowardsTheScream() throws Exception {
        JobSpec spec = spec(160, 60, InitMode.CONTENT, 1, QualityRuns.exactSqueezeNetRecipe());
        JobRecorder recorder = new JobRecorder();
        RgbImage result;
        try (StyleTransferJob job = StyleTransferJob.start(spec)) {
            job.subscribe(recorder);
            assertThat(job.awaitFinished(Duration.ofMinutes(2))).isTrue();
            assertThat(job.state()).isEqualTo(JobState.COMPLETED);
            result = job.latestFrame().orElseThrow().image();
        }
        JobRecorder.await("all records", 10, () -> recorder.iterations() == 60 && recorder.sawState(JobState.COMPLETED));
        Path out = Path.of("target", "test-renders", "dog-scream-160.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(AwtImages.toBufferedImage(result), "png", out.toFile());

        List<IterationRecord> records = recorder.recordsCopy();
        double firstStyle = records.get(0).loss().style();
        double lastStyle = records.get(records.size() - 1).loss().style();
        System.out.printf("style cost %.4g -> %.4g (x%.1f lower); picture in %s%n",
                firstStyle, lastStyle, firstStyle / lastStyle, out.toAbsolutePath());
        assertThat(lastStyle).isLessThan(firstStyle / 20);
        assertThat(recorder.states).startsWith(JobState.PREPARING).endsWith(JobState.COMPLETED);
        assertThat(recorder.threads).allMatch(name -> name.contains("listener"));

        RgbImage content = ImageResizer.toLongSide(spec.content(), 160);
        RgbImage style = spec.styles().get(0).image();
        double contentDistance = gramDistance(content, style);
        double resultDistance = gramDistance(result, style);
        System.out.printf("Gram distance to the style: content %.4g, result %.4g%n", contentDistance, resultDistance);
        assertThat(resultDistance).isLessThan(contentDistance / 5);
    }

    /** Σ λ_l J_style^l between a picture and a style image, computed through a fresh backbone. */
    private static double gramDistance(RgbImage picture, RgbImage style) throws Exception {
        LiveParameters parameters = QualityRuns.exactSqueezeNetRecipe().withAlpha(0).withBeta(1);
        try (SqueezeNetBackbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu());
             StyleTargets targets = StyleTargets.forImages(net, manager, picture,
                     List.of(new StyleSource(style, 1)), picture.longSide(), DataType.FLOAT32)) {
            StyleObjective objective = new StyleObjective(net, targets);
            objective.prepare(parameters);
            return objective.evaluate(ImageTensors.toTensor(manager, picture, DataType.FLOAT32), parameters)
                    .breakdown().style();
        }
    }

    @Test
    void raisingBetaMidRunShowsInTheNextRecordsWeighting() throws Exception {
        LiveParameters start = defaults();
        try (StyleTransferJob job = StyleTransferJob.start(spec(48, 2000, InitMode.CONTENT, 1, start))) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            JobRecorder.await("5 iterations", 60, () -> recorder.iterations() >= 5);
            LiveParameters raised = start.withBeta(start.beta() * 100);
            job.setParameters(raised);
            assertThat(job.parameters()).isEqualTo(raised);
            JobRecorder.await("the change to arrive", 60,
                    () -> JobRecorder.any(recorder.records, r -> r.parameters().equals(raised)));
            JobRecorder.await("3 more iterations", 60, () -> recorder.records.stream()
                    .filter(r -> r.parameters().equals(raised)).count() >= 3);
            job.stop();

            List<IterationRecord> records = recorder.recordsCopy();
            int firstRaised = 0;
            while (!records.get(firstRaised).parameters().equals(raised)) {
                firstRaised++;
            }
            assertThat(records.get(firstRaised).parametersChanged()).isTrue();
            assertThat(records.get(firstRaised + 1).parametersChanged()).isFalse();
            assertThat(records.subList(0, firstRaised)).allMatch(r -> r.parameters().equals(start));
            for (IterationRecord record : records) {
                LossBreakdown loss = record.loss();
                LiveParameters p = record.parameters();
                double expected = p.alpha() * loss.content() + p.beta() * loss.style() + p.tvWeight() * loss.tv();
                assertThat(loss.total()).isCloseTo(expected, within(1e-4 * expected));
            }
            // The weighted style share of the total jumps with β.
            IterationRecord before = records.get(firstRaised - 1);
            IterationRecord after = records.get(firstRaised);
            double shareBefore = before.parameters().beta() * before.loss().style() / before.loss().total();
            double shareAfter = after.parameters().beta() * after.loss().style() / after.loss().total();
            assertThat(shareAfter).isGreaterThan(shareBefore);
            assertThat(after.loss().total()).isGreaterThan(10 * before.loss().total());
        }
    }

    @Test
    void unknownLayersAreRejectedAtOnce() throws Exception {
        JobSpec spec = spec(32, 1, InitMode.CONTENT, 1, defaults().withContentLayers(List.of("conv4_2")));
        assertThatThrownBy(() -> StyleTransferJob.start(spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv4_2").hasMessageContaining("fire1");
    }

    @Test
    void pauseResumeAndStopMidRun() throws Exception {
        try (StyleTransferJob job = StyleTransferJob.start(spec(48, 5000, InitMode.CONTENT, 1, defaults()))) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            JobRecorder.await("running", 60, () -> recorder.iterations() >= 3);
            job.pause();
            JobRecorder.await("paused", 10, () -> recorder.sawState(JobState.PAUSED));
            assertThat(job.state()).isEqualTo(JobState.PAUSED);
            int whilePaused = recorder.iterations();
            Thread.sleep(300);
            assertThat(recorder.iterations()).isEqualTo(whilePaused);

            job.resume();
            JobRecorder.await("iterations after resume", 30, () -> recorder.iterations() > whilePaused + 2);
            assertThat(recorder.states).containsSubsequence(JobState.RUNNING, JobState.PAUSED, JobState.RUNNING);

            job.pause();
            JobRecorder.await("paused again", 10, () -> job.state() == JobState.PAUSED);
            job.stop();
            assertThat(job.awaitFinished(Duration.ofSeconds(10))).isTrue();
            assertThat(job.state()).isEqualTo(JobState.STOPPED);
            Frame last = job.latestFrame().orElseThrow();
            JobRecorder.await("stopped delivered", 10, () -> recorder.sawState(JobState.STOPPED));
            assertThat(last.iteration()).isEqualTo(recorder.iterations());
            assertThat(recorder.frames.get(recorder.frames.size() - 1).iteration()).isEqualTo(last.iteration());
            assertThat(last.iteration()).isLessThan(5000);
        }
    }

    @Test
    void ndArrayCountStaysFlatOverManyIterations() throws Exception {
        try (StyleTransferJob job = StyleTransferJob.start(spec(24, 200, InitMode.NOISE, 1, defaults()))) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            JobRecorder.await("first iterations", 60, () -> job.arraysAfterLastIteration() >= 0 && recorder.iterations() >= 3);
            int early = job.arraysAfterLastIteration();
            int systemEarly = systemArrays();
            assertThat(job.awaitFinished(Duration.ofMinutes(2))).isTrue();
            assertThat(job.state()).isEqualTo(JobState.COMPLETED);
            System.out.printf("arrays held by the job: %d early, %d after 200 iterations%n",
                    early, job.arraysAfterLastIteration());
            assertThat(job.arraysAfterLastIteration()).isEqualTo(early);
            assertThat(systemArrays()).isLessThanOrEqualTo(systemEarly);
        }
    }

    /** Every NDArray alive in the PyTorch engine (all managers). */
    private static int systemArrays() {
        try (NDManager probe = NDManager.newBaseManager(Device.cpu())) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    @Test
    void sameSeedGivesTheSameFramesAndAnotherSeedDoesNot() throws Exception {
        Run first = run(7);
        Run second = run(7);
        Run other = run(8);
        assertThat(first.losses()).hasSize(4);
        assertThat(second.losses()).as("losses of every iteration").isEqualTo(first.losses());
        assertThat(Arrays.equals(second.last().argb(), first.last().argb())).as("same last frame").isTrue();
        assertThat(other.losses().get(0)).isNotEqualTo(first.losses().get(0));
        assertThat(Arrays.equals(other.last().argb(), first.last().argb())).as("other seed, other frame").isFalse();
    }

    private record Run(List<Double> losses, RgbImage last) {
    }

    /** Records are never dropped, so every iteration's exact cost can be compared; frames only at the end. */
    private static Run run(long seed) throws Exception {
        try (StyleTransferJob job = StyleTransferJob.start(spec(40, 4, InitMode.BLEND, seed, defaults()))) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            assertThat(job.awaitFinished(Duration.ofMinutes(1))).isTrue();
            JobRecorder.await("all records", 10, () -> recorder.iterations() == 4);
            return new Run(recorder.records.stream().map(r -> r.loss().total()).toList(),
                    job.latestFrame().orElseThrow().image());
        }
    }

    @Test
    void retargetToANewSizeKeepsThePictureAndTheCount() throws Exception {
        try (StyleTransferJob job = StyleTransferJob.start(spec(48, 5000, InitMode.CONTENT, 1, defaults()))) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            JobRecorder.await("iterations", 60, () -> recorder.iterations() >= 3);
            RgbImage horses = ImageLoader.load(TestData.image("horses.jpg"));
            job.retarget(job.spec().content(), List.of(new StyleSource(horses, 1)), 64);
            JobRecorder.await("a 64 px frame", 60,
                    () -> job.latestFrame().map(f -> f.image().longSide() == 64).orElse(false));
            Frame frame = job.latestFrame().orElseThrow();
            assertThat(frame.iteration()).isGreaterThan(3);
            assertThat(job.spec().longSide()).isEqualTo(64);
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            List<IterationRecord> records = recorder.recordsCopy();
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).iteration()).isEqualTo(i + 1);
            }
        }
    }

    @Test
    void aSlowListenerGetsEveryRecordButOnlyTheLatestFrames() throws Exception {
        JobRecorder fast = new JobRecorder();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        JobRecorder slow = new JobRecorder() {
            @Override
            public void onFrame(Frame frame) {
                super.onFrame(frame);
                try {
                    release.await(); // stuck in its first frame until the job is over
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (StyleTransferJob job = StyleTransferJob.start(spec(32, 30, InitMode.CONTENT, 1, defaults()))) {
            job.subscribe(fast);
            job.subscribe(slow);
            assertThat(job.awaitFinished(Duration.ofMinutes(1))).isTrue();
            // The optimiser finished although this listener never returned from its first frame.
            assertThat(slow.frames).hasSize(1);
            release.countDown();
            JobRecorder.await("slow listener to catch up", 60, () -> slow.sawState(JobState.COMPLETED));
        }
        assertThat(slow.records.stream().map(IterationRecord::iteration).toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList());
        assertThat(slow.frames).hasSize(2);
        assertThat(slow.frames.get(1).iteration()).isEqualTo(30);
        assertThat(fast.records).hasSize(30);
    }
}
