package app.atelier.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one listener's events on its own daemon thread, so that a slow listener delays only
 * itself. Records and state changes are queued and never dropped; frames are coalesced: the
 * queue holds only a marker, and the marker delivers whichever frame is newest by then.
 */
final class ListenerChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerChannel.class);

    private sealed interface Event permits RecordEvent, FrameMarker, StateEvent, EndEvent {
    }

    private record RecordEvent(IterationRecord record) implements Event {
    }

    private record FrameMarker() implements Event {
    }

    private record StateEvent(JobState state, Throwable failure) implements Event {
    }

    private record EndEvent() implements Event {
    }

    private static final FrameMarker FRAME = new FrameMarker();

    private final JobListener listener;
    private final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Frame> newestFrame = new AtomicReference<>();
    private final Thread thread;

    ListenerChannel(JobListener listener, String name) {
        this.listener = listener;
        this.thread = new Thread(this::deliver, name);
        thread.setDaemon(true);
        thread.start();
    }

    void publishRecord(IterationRecord record) {
        queue.add(new RecordEvent(record));
    }

    void publishFrame(Frame frame) {
        // Only queue a marker when none is pending; the pending one will pick up this frame.
        if (newestFrame.getAndSet(frame) == null) {
            queue.add(FRAME);
        }
    }

    void publishState(JobState state, Throwable failure) {
        queue.add(new StateEvent(state, failure));
    }

    private void deliver() {
        List<Event> events = new ArrayList<>();
        List<IterationRecord> records = new ArrayList<>();
        try {
            while (true) {
                events.clear();
                events.add(queue.take());
                queue.drainTo(events);
                for (Event event : events) {
                    if (event instanceof RecordEvent recordEvent) {
                        records.add(recordEvent.record());
                        continue;
                    }
                    flush(records);
                    if (event instanceof FrameMarker) {
                        Frame frame = newestFrame.getAndSet(null);
                        if (frame != null) {
                            call(() -> listener.onFrame(frame));
                        }
                    } else if (event instanceof StateEvent state) {
                        call(() -> listener.onStateChanged(state.state(), state.failure()));
                    } else {
                        return;
                    }
                }
                flush(records);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flush(List<IterationRecord> records) {
        if (!records.isEmpty()) {
            List<IterationRecord> batch = List.copyOf(records);
            records.clear();
            call(() -> listener.onIterations(batch));
        }
    }

    /** A listener's exception must not end delivery to it, nor vanish: it is logged. */
    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("job listener {} failed", listener, e);
        }
    }

    /** Ends the thread once everything queued so far is delivered; returns at once. */
    void endAfterQueued() {
        queue.add(new EndEvent());
    }

    /** Waits at most {@code millis} for the delivery thread to end. */
    void awaitEnd(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends delivery now: events still queued are dropped (the listener unsubscribed). */
    @Override
    public void close() {
        queue.clear();
        queue.add(new EndEvent());
        if (Thread.currentThread() != thread) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
