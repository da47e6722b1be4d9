package app.atelier.model;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Lets one thread ask a long operation running on another to stop. */
public final class CancelSignal {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    /** Asks the operation to stop; safe from any thread, any number of times. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.forEach(Runnable::run);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code action} when cancelled (at once if already), on the cancelling thread; used to
     * close a stream that a blocked read is waiting on.
     */
    void whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled.get()) {
            action.run();
        }
    }

    void forget(Runnable action) {
        onCancel.remove(action);
    }
}
