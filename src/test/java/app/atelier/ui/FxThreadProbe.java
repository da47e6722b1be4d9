package app.atelier.ui;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread takes to pick up a runLater posted every 20 ms: a handler or
 * listener that blocks the thread shows up as a long wait. At most one ping is in flight, so the
 * probe itself never floods the queue.
 */
final class FxThreadProbe implements AutoCloseable {

    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fx-thread-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicLong pendingSince = new AtomicLong();

    FxThreadProbe() {
        pinger.scheduleAtFixedRate(this::ping, 0, 20, TimeUnit.MILLISECONDS);
    }

    private void ping() {
        long now = System.nanoTime();
        long pending = pendingSince.get();
        if (pending != 0) {
            // The previous ping is still queued: the thread is busy for at least this long.
            worstNanos.accumulateAndGet(now - pending, Math::max);
            return;
        }
        pendingSince.set(now);
        Platform.runLater(() -> {
            worstNanos.accumulateAndGet(System.nanoTime() - pendingSince.getAndSet(0), Math::max);
            answered.incrementAndGet();
        });
    }

    long worstMillis() {
        return worstNanos.get() / 1_000_000;
    }

    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        pinger.shutdownNow();
    }
}
