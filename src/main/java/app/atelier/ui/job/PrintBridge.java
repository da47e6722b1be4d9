package app.atelier.ui.job;

import app.atelier.engine.JobState;
import app.atelier.engine.PrintJob;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * Carries one print job's output from its computing threads to the FX thread with at most one
 * pending {@code runLater}, as {@code Task.updateValue} does: the newest update wins (a slow FX
 * thread skips pictures, never falls behind), state changes all arrive, in order, after it.
 */
final class PrintBridge implements PrintJob.Listener {

    /** FX thread; {@code from} lets the receiver ignore a job it has let go. */
    interface Updates {
        void show(PrintBridge from, PrintJob.Update update);
    }

    /** FX thread. */
    interface States {
        void show(PrintBridge from, JobState state, Throwable failure);
    }

    private final Updates updates;
    private final States states;
    private final AtomicReference<PrintJob.Update> newest = new AtomicReference<>();
    private final Queue<JobState> changes = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    PrintBridge(Updates updates, States states) {
        this.updates = updates;
        this.states = states;
    }

    @Override
    public void updated(PrintJob.Update update) {
        newest.set(update);
        schedule();
    }

    @Override
    public void stateChanged(JobState next, Throwable cause) {
        if (cause != null) {
            failure.set(cause);
        }
        changes.add(next);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    /** FX thread. */
    private void drain() {
        // Cleared first: anything published from here on schedules a drain of its own.
        scheduled.set(false);
        PrintJob.Update update = newest.getAndSet(null);
        if (update != null) {
            updates.show(this, update);
        }
        for (JobState next = changes.poll(); next != null; next = changes.poll()) {
            states.show(this, next, failure.get());
        }
    }
}
