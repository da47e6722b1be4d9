package app.atelier.cli;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobListener;
import app.atelier.engine.JobState;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Shows a running render on the terminal: a progress bar redrawn in place (carriage return) and a
 * loss line every {@code logEvery} iterations; also hands frames on for intermediate saves.
 * All callbacks run on the job's delivery thread for this listener.
 */
final class ProgressReporter implements JobListener {

    /** Iterations per second is averaged over this many recent iterations. */
    private static final int RATE_WINDOW = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final ProgressLine line;
    private final int totalIterations;
    private final int logEvery;
    private final boolean quiet;
    private final Consumer<Frame> frameSink;
    private final ArrayDeque<Long> recentNanos = new ArrayDeque<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private long recentNanosSum;
    private int done;
    private long lastDrawn;
    private volatile JobState finalState;
    private volatile Throwable failure;

    /**
     * @param frameSink receives every frame this listener is given, on the delivery thread
     */
    ProgressReporter(PrintWriter err, int totalIterations, int logEvery, boolean quiet, Consumer<Frame> frameSink) {
        this.line = new ProgressLine(err);
        this.totalIterations = totalIterations;
        this.logEvery = logEvery;
        this.quiet = quiet;
        this.frameSink = frameSink;
    }

    /** Called on the delivery thread. */
    @Override
    public void onIterations(List<IterationRecord> records) {
        for (IterationRecord record : records) {
            done = record.iteration();
            recentNanos.addLast(record.nanos());
            recentNanosSum += record.nanos();
            if (recentNanos.size() > RATE_WINDOW) {
                recentNanosSum -= recentNanos.removeFirst();
            }
            if (!quiet && (record.iteration() % logEvery == 0 || record.iteration() == 1)) {
                line.printAbove(ProgressLine.losses(record.iteration(), totalIterations, record.loss()));
                lastDrawn = 0;
            }
        }
        long now = System.nanoTime();
        if (!quiet && now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            drawBar();
        }
    }

    /** Called on the delivery thread. */
    @Override
    public void onFrame(Frame frame) {
        frameSink.accept(frame);
    }

    /** Called on the delivery thread. */
    @Override
    public void onStateChanged(JobState state, Throwable failure) {
        if (!state.isFinished()) {
            return;
        }
        this.failure = failure;
        this.finalState = state;
        if (!quiet) {
            drawBar();
            line.end();
        }
        finished.countDown();
    }

    /** Waits until the job's final state has been shown; true when it was within the timeout. */
    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    JobState finalState() {
        return finalState;
    }

    Throwable failure() {
        return failure;
    }

    private void drawBar() {
        double rate = recentNanosSum > 0 ? recentNanos.size() * 1e9 / recentNanosSum : Double.NaN;
        line.show(ProgressLine.iterations(done, totalIterations, rate));
    }
}
