package app.atelier.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job shows the outside world: its state (with the failure that ended it), its latest
 * frame, and the fan-out of states, frames and every iteration record to the listeners, each of
 * which has its own delivery thread ({@link ListenerChannel}) so that no listener can slow the
 * optimiser. A listener that subscribes late first receives the current state and frame.
 *
 * <p>Thread-safe: the worker publishes, any thread subscribes or reads.
 */
final class JobOutput {

    private final String name;
    private final Object lock = new Object();

    // Written under lock. State and frame are also read without it (volatile): the FX thread
    // asks for them and must never wait for the worker's publishing.
    private final List<ListenerChannel> channels = new ArrayList<>();
    private volatile JobState state = JobState.PREPARING;
    private Throwable failure;
    private volatile Frame latestFrame;
    private boolean ended;
    private int listenerNumbers;

    /** @param name the job's name, which the delivery threads' names start with */
    JobOutput(String name) {
        this.name = name;
    }

    /**
     * Adds a listener; it first receives the current state and the latest frame, if any.
     *
     * @return a handle whose close() removes the listener and ends its delivery thread
     */
    AutoCloseable subscribe(JobListener listener) {
        Objects.requireNonNull(listener, "listener");
        ListenerChannel channel;
        synchronized (lock) {
            channel = new ListenerChannel(listener, name + "-listener-" + ++listenerNumbers);
            channel.publishState(state, failure);
            if (latestFrame != null) {
                channel.publishFrame(latestFrame);
            }
            if (ended) {
                channel.endAfterQueued();
            } else {
                channels.add(channel);
            }
        }
        return () -> {
            synchronized (lock) {
                channels.remove(channel);
            }
            channel.close();
        };
    }

    JobState state() {
        return state;
    }

    Optional<Frame> latestFrame() {
        return Optional.ofNullable(latestFrame);
    }

    /** A state change on the way (RUNNING, PAUSED); the final one goes through {@link #end}. */
    void publishState(JobState next) {
        synchronized (lock) {
            publishStateLocked(next, null);
        }
    }

    /** One finished iteration: its record reaches every listener, its frame becomes the latest. */
    void publishIteration(IterationRecord record, Frame frame) {
        synchronized (lock) {
            latestFrame = frame;
            for (ListenerChannel channel : channels) {
                channel.publishRecord(record);
                channel.publishFrame(frame);
            }
        }
    }

    /** A new picture for the latest iteration (its record is already out): the finished one. */
    void publishFrame(Frame frame) {
        synchronized (lock) {
            latestFrame = frame;
            for (ListenerChannel channel : channels) {
                channel.publishFrame(frame);
            }
        }
    }

    /** Makes {@code frame} (or no frame) the latest again, when the frames after it turned out bad. */
    void keepOnly(Optional<Frame> frame) {
        synchronized (lock) {
            latestFrame = frame.orElse(null);
        }
    }

    /** The final state; every listener's delivery thread ends once it has delivered everything queued. */
    void end(JobState last, Throwable cause) {
        synchronized (lock) {
            publishStateLocked(last, cause);
            ended = true;
            channels.forEach(ListenerChannel::endAfterQueued);
        }
    }

    /** After {@link #end}: waits at most {@code millis} for each delivery thread to finish delivering. */
    void awaitListeners(long millis) {
        List<ListenerChannel> remaining;
        synchronized (lock) {
            remaining = List.copyOf(channels);
            channels.clear();
        }
        for (ListenerChannel channel : remaining) {
            channel.awaitEnd(millis);
        }
    }

    private void publishStateLocked(JobState next, Throwable cause) {
        state = next;
        failure = cause;
        for (ListenerChannel channel : channels) {
            channel.publishState(next, cause);
        }
    }
}
