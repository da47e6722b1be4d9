package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The rules of the one job worker: no two jobs compute at once, closing and shutting down are bounded. */
class JobWorkerTest {

    private static JobSpec spec(int size, int iterations) throws Exception {
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        return new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU, dog,
                List.of(new StyleSource(scream, 1)), size, InitMode.CONTENT, 1, iterations,
                Defaults.parameters(BackboneKind.SQUEEZENET1_1));
    }

    @Test
    void aJobStartedWhileAnotherComputesWaitsUntilThatOneHasEnded() throws Exception {
        JobRecorder old = new JobRecorder();
        List<JobState> oldStateWhenNewRan = new CopyOnWriteArrayList<>();
        try (StyleTransferJob first = StyleTransferJob.start(spec(48, 5000))) {
            first.subscribe(old);
            JobRecorder.await("the old job running", 60, () -> old.iterations() >= 2);
            StyleTransferJob second = StyleTransferJob.start(spec(32, 3));
            StyleTransferJob queued = StyleTransferJob.start(spec(32, 3));
            JobRecorder recorder = new JobRecorder() {
                @Override
                public void onStateChanged(JobState state, Throwable failure) {
                    super.onStateChanged(state, failure);
                    if (state == JobState.RUNNING) {
                        oldStateWhenNewRan.add(first.state());
                    }
                }
            };
            second.subscribe(recorder);
            int atSecondStart = old.iterations();
            JobRecorder.await("the old job to go on", 60, () -> old.iterations() >= atSecondStart + 3);
            assertThat(second.state()).isEqualTo(JobState.PREPARING);
            assertThat(second.latestFrame()).isEmpty();
            assertThat(recorder.iterations()).isZero();

            // A job closed while it waits: close returns, and the job never computes.
            assertThat(queued.close(Duration.ofMillis(100))).isFalse();

            first.stop();
            assertThat(second.awaitFinished(Duration.ofMinutes(1))).isTrue();
            assertThat(second.state()).isEqualTo(JobState.COMPLETED);
            JobRecorder.await("the new job's states", 10, () -> recorder.sawState(JobState.COMPLETED));
            assertThat(recorder.states).containsExactly(JobState.PREPARING, JobState.RUNNING, JobState.COMPLETED);
            assertThat(oldStateWhenNewRan).containsExactly(JobState.STOPPED);
            assertThat(queued.awaitFinished(Duration.ofMinutes(1))).isTrue();
            assertThat(queued.state()).isEqualTo(JobState.STOPPED);
            assertThat(queued.latestFrame()).isEmpty();
            second.close();
        }
    }

    @Test
    void closeReturnsWithinItsBoundWhileTheJobCannotEnd() throws Exception {
        JobRecorder recorder = new JobRecorder();
        try (StyleTransferJob job = StyleTransferJob.start(spec(48, 5000))) {
            job.subscribe(recorder);
            JobRecorder.await("iterations", 60, () -> recorder.iterations() >= 1);
            synchronized (CostGradient.LOCK) {
                // The worker now waits for this lock in its next forward pass and cannot see the stop.
                Thread worker = JobWorker.shared().thread();
                JobRecorder.await("the worker to wait for the gradient lock", 60,
                        () -> worker.getState() == Thread.State.BLOCKED && inCostGradient(worker));
                assertThat(job.close(Duration.ofMillis(200))).isFalse();
                assertThat(job.state().isFinished()).isFalse();
            }
            assertThat(job.awaitFinished(Duration.ofMinutes(1))).isTrue();
            assertThat(job.state()).isEqualTo(JobState.STOPPED);
        }
    }

    @Test
    void shutdownStopsEveryJobAndALaterJobRunsOnANewThread() throws Exception {
        JobRecorder recorder = new JobRecorder();
        StyleTransferJob running = StyleTransferJob.start(spec(48, 5000));
        StyleTransferJob queued = StyleTransferJob.start(spec(48, 5000));
        running.subscribe(recorder);
        JobRecorder.await("iterations", 60, () -> recorder.iterations() >= 1);
        assertThat(JobWorker.shared().shutdown(Duration.ofMinutes(1))).isTrue();
        assertThat(running.state()).isEqualTo(JobState.STOPPED);
        assertThat(queued.state()).isEqualTo(JobState.STOPPED);
        Thread ended = JobWorker.shared().thread();
        JobRecorder.await("the worker thread to end", 10, () -> !ended.isAlive());

        try (StyleTransferJob later = StyleTransferJob.start(spec(32, 2))) {
            assertThat(later.awaitFinished(Duration.ofMinutes(1))).isTrue();
            assertThat(later.state()).isEqualTo(JobState.COMPLETED);
            assertThat(JobWorker.shared().thread()).isNotSameAs(ended);
        }
    }

    private static boolean inCostGradient(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(CostGradient.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
