package app.atelier.cli.bench;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobListener;
import app.atelier.engine.JobSpec;
import app.atelier.engine.JobState;
import app.atelier.engine.StyleTransferJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A real {@link StyleTransferJob} whose iteration records are kept with the time each arrived,
 * so that the benchmark times exactly what the app runs.
 */
public final class RecordingJob implements AutoCloseable {

    /** An iteration record and the {@link System#nanoTime()} at which the listener received it. */
    public record Arrival(IterationRecord record, long receivedNanos) {
    }

    private final long startedNanos;
    private final StyleTransferJob job;
    private final AutoCloseable subscription;
    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private final List<Arrival> all = new ArrayList<>();
    private volatile JobState state = JobState.PREPARING;
    private volatile Throwable failure;

    /**
     * Starts the job.
     *
     * @param onFrame called on the job's listener delivery thread with each delivered frame
     */
    public RecordingJob(JobSpec spec, Consumer<Frame> onFrame) {
        startedNanos = System.nanoTime();
        job = StyleTransferJob.start(spec);
        subscription = job.subscribe(new JobListener() {
            /** Runs on the job's listener delivery thread. */
            @Override
            public void onIterations(List<IterationRecord> records) {
                long now = System.nanoTime();
                records.forEach(record -> arrivals.add(new Arrival(record, now)));
            }

            /** Runs on the job's listener delivery thread. */
            @Override
            public void onFrame(Frame frame) {
                onFrame.accept(frame);
            }

            /** Runs on the job's listener delivery thread. */
            @Override
            public void onStateChanged(JobState next, Throwable cause) {
                state = next;
                if (cause != null) {
                    failure = cause;
                }
            }
        });
    }

    public StyleTransferJob job() {
        return job;
    }

    /** When {@link StyleTransferJob#start} was called. */
    public long startedNanos() {
        return startedNanos;
    }

    /** The next record, waiting for it; fails when the job ended or failed first. */
    public Arrival next(Duration timeout) throws InterruptedException {
        return nextUnlessEnded(timeout).orElseThrow(
                () -> new IllegalStateException("the job ended (" + state + ") before the next iteration"));
    }

    /** The next record, or empty when the job ended first (an optimiser may converge); fails when it failed. */
    public Optional<Arrival> nextUnlessEnded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Arrival arrival = arrivals.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (arrival != null) {
                all.add(arrival);
                return Optional.of(arrival);
            }
            if (failure != null) {
                throw new IllegalStateException("the job failed: " + failure.getMessage(), failure);
            }
            if (state.isFinished() && arrivals.isEmpty()) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no iteration within " + timeout);
            }
        }
    }

    /** The job's state as its listener last heard it. */
    public JobState state() {
        return state;
    }

    /** The next record if one has arrived, without waiting. */
    public Optional<Arrival> poll() {
        Arrival arrival = arrivals.poll();
        if (arrival != null) {
            all.add(arrival);
        }
        return Optional.ofNullable(arrival);
    }

    /**
     * Waits until the listener has seen {@code wanted}, or the job has ended; fails after
     * {@code timeout}. Every record published before that state has arrived by then.
     */
    public void awaitState(JobState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state != wanted && !state.isFinished()) {
            if (failure != null) {
                throw new IllegalStateException("the job failed: " + failure.getMessage(), failure);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the job did not reach " + wanted + " within " + timeout);
            }
            Thread.sleep(1);
        }
    }

    /** Every record taken with {@link #next} so far, in order. */
    public List<Arrival> taken() {
        return List.copyOf(all);
    }

    @Override
    public void close() throws Exception {
        job.stop();
        job.close();
        subscription.close();
        if (failure != null) {
            throw new IllegalStateException("the job failed: " + failure.getMessage(), failure);
        }
    }
}
