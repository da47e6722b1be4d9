package app.atelier.ui.job;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobListener;
import app.atelier.engine.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javafx.application.Platform;

/**
 * Carries one job's output from its delivery thread to the FX thread without flooding it.
 *
 * <p>Frames are coalesced exactly like {@code javafx.concurrent.Task.updateValue}: the newest frame
 * sits in one {@link AtomicReference}, and only the call that finds it empty schedules a
 * {@code runLater}, so at most one is ever pending and a slow FX thread simply skips frames.
 * Iteration records are never dropped: they queue up and the FX side takes them all at once with
 * {@link #drainRecords()}, once per pulse.
 */
final class JobBridge implements JobListener {

    private final AtomicReference<Frame> latestFrame = new AtomicReference<>();
    private final ConcurrentLinkedQueue<IterationRecord> records = new ConcurrentLinkedQueue<>();
    private final BiConsumer<JobBridge, Frame> frameSink;
    private final StateSink stateSink;

    /** Receives state changes on the FX thread, with the bridge they came through. */
    interface StateSink {
        void accept(JobBridge from, JobState state, Throwable failure);
    }

    /**
     * @param frameSink called on the FX thread with this bridge and the newest frame
     * @param stateSink called on the FX thread with each state change (failure may be null)
     */
    JobBridge(BiConsumer<JobBridge, Frame> frameSink, StateSink stateSink) {
        this.frameSink = frameSink;
        this.stateSink = stateSink;
    }

    /** Runs on the job's delivery thread for this listener. */
    @Override
    public void onIterations(List<IterationRecord> batch) {
        records.addAll(batch);
    }

    /** Runs on the job's delivery thread for this listener. */
    @Override
    public void onFrame(Frame frame) {
        if (latestFrame.getAndSet(frame) == null) {
            Platform.runLater(() -> {
                Frame newest = latestFrame.getAndSet(null);
                if (newest != null) {
                    frameSink.accept(this, newest);
                }
            });
        }
    }

    /** Runs on the job's delivery thread for this listener; state changes are rare, so each gets its own hand-over. */
    @Override
    public void onStateChanged(JobState state, Throwable failure) {
        Platform.runLater(() -> stateSink.accept(this, state, failure));
    }

    /** Every record received since the last call, in order. FX thread. */
    List<IterationRecord> drainRecords() {
        List<IterationRecord> batch = new ArrayList<>();
        IterationRecord record;
        while ((record = records.poll()) != null) {
            batch.add(record);
        }
        return batch;
    }
}
