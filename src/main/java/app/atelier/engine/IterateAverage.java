package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * An exponential moving average of the pixels over the iterations, shown as the picture instead
 * of the last iterate: it removes the optimiser's last noise. The decay warms up as
 * min(decay, (1 + n) / (10 + n)), as TensorFlow's ExponentialMovingAverage does, so the first
 * iterates do not drag the average towards the start picture for long.
 *
 * <p>Used only on the job's worker thread.
 */
final class IterateAverage {

    private final double decay;
    private final NDManager manager;
    private NDArray average;
    private int updates;

    /**
     * @param decay   in [0, 1); 0 turns averaging off
     * @param manager the job's long-lived manager, which holds the average
     */
    IterateAverage(double decay, NDManager manager) {
        this.decay = decay;
        this.manager = manager;
    }

    boolean enabled() {
        return decay > 0;
    }

    /** Folds the current pixels into the average; temporaries go to {@code scope}. */
    void add(NDArray pixels, NDManager scope) {
        if (!enabled()) {
            return;
        }
        if (average == null || !average.getShape().equals(pixels.getShape())) {
            reset();
            // The pixels may be borrowed by the iteration's scope: the copy must not land there.
            average = pixels.duplicate();
            average.attach(manager);
            updates = 1;
            return;
        }
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        updates++;
        NDArray share = pixels.mul(1 - d);
        share.attach(scope);
        average.muli(d).addi(share);
    }

    /** The average, or {@code pixels} themselves when averaging is off or nothing was added yet. */
    NDArray current(NDArray pixels) {
        return average != null ? average : pixels;
    }

    /** Starts a new average, e.g. at a new size. */
    void reset() {
        if (average != null) {
            average.close();
            average = null;
        }
        updates = 0;
    }
}
