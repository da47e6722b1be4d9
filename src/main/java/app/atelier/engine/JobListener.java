package app.atelier.engine;

import java.util.List;

/**
 * Receives a job's output. Each listener has its own delivery thread (never the optimiser's and
 * never the JavaFX thread), so a slow listener delays only itself: it then receives fewer frames
 * (latest wins) but every {@link IterationRecord}, in order, in batches.
 */
public interface JobListener {

    /** Called on the listener's delivery thread with every iteration since the last call, in order. */
    default void onIterations(List<IterationRecord> records) {
    }

    /** Called on the listener's delivery thread with the newest frame; older undelivered frames are skipped. */
    default void onFrame(Frame frame) {
    }

    /**
     * Called on the listener's delivery thread when the job's state changes, after all records and
     * the last frame that precede the change have been delivered.
     *
     * @param failure the cause when {@code state} is FAILED, else null; the message is written for the user
     */
    default void onStateChanged(JobState state, Throwable failure) {
    }
}
