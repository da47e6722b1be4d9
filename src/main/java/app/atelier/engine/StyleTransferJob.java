package app.atelier.engine;

import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A running Gatys optimisation. SKELETON: the signatures are the contract the window and the
 * {@code render} command code against; the engine work fills in the bodies.
 *
 * <p>All compute runs on one worker thread owned by the job. Every public method is thread-safe
 * and returns at once (never waits for an iteration), so it may be called from the JavaFX thread.
 */
public final class StyleTransferJob implements AutoCloseable {

    private StyleTransferJob() {
    }

    /** Starts a job on its own worker thread: loads weights, computes targets, then iterates. */
    public static StyleTransferJob start(JobSpec spec) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /**
     * Adds a listener; it first receives the current state and the latest frame, if any.
     *
     * @return a handle whose close() removes the listener and ends its delivery thread
     */
    public AutoCloseable subscribe(JobListener listener) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** Applies from the next iteration; the image is kept. */
    public void setParameters(LiveParameters parameters) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public LiveParameters parameters() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /**
     * Recomputes the targets for new images or a new size, keeping the current picture (resized
     * when the size changes) and the iteration count; the job goes on running.
     */
    public void retarget(RgbImage content, List<StyleSource> styles, int longSide) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public void pause() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public void resume() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** Ends the job after the current iteration; the last frame stays available. */
    public void stop() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public JobState state() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public Optional<Frame> latestFrame() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public JobSpec spec() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** Waits until the job has finished; true when it did within the timeout. Never call on the FX thread. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    /** Stops the job, waits for the worker to end and frees every tensor. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("engine not implemented yet");
    }
}
