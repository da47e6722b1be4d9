package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

/**
 * Moves the generated picture downhill on the cost. The seam between the job and its optimisers:
 * Adam evaluates the cost once per step; a later L-BFGS may evaluate it several times (line
 * search), which is why it receives the cost function rather than one gradient.
 *
 * <p>Called only from the job's worker thread.
 */
interface PixelOptimizer extends AutoCloseable {

    /** The cost at some pixels, with its gradient. */
    record CostAndGradient(LossBreakdown loss, NDArray gradient) {
    }

    /** Evaluates the cost and its gradient at {@code pixels}; the arrays belong to {@code scope}. */
    @FunctionalInterface
    interface DifferentiableCost {
        CostAndGradient evaluate(NDArray pixels, NDManager scope);
    }

    /**
     * One iteration: updates {@code pixels} (RGB in [0, 1], shape [1, 3, H, W]) in place and keeps
     * them in [0, 1]. Temporary arrays go to {@code scope}, which the caller closes afterwards.
     *
     * @return the cost at the pixels the step started from
     */
    LossBreakdown step(NDArray pixels, DifferentiableCost cost, double learningRate, NDManager scope);

    /**
     * Writes {@code values} into {@code pixels} inside libtorch. {@code NDArray.copyTo} would take
     * a round trip through a picture-sized Java byte array, twice the copying and garbage for the
     * Java heap every iteration (issue 15).
     */
    static void overwrite(NDArray pixels, NDArray values) {
        // ":" selects the whole first axis, and with it every element.
        pixels.set(new NDIndex(":"), values);
    }

    /** True when the optimiser has stopped making progress (its tolerances are met); until a reset. */
    default boolean converged() {
        return false;
    }

    /** The cost function changed (new weights or layers) at the same pixels; called before the next step. */
    default void costChanged() {
    }

    /** Forgets the optimiser's history, e.g. after the picture was resized or its targets changed. */
    void reset();

    /** Frees the optimiser's state. */
    @Override
    void close();

    /** The optimiser {@code quality} names, keeping its state in {@code jobManager}. */
    static PixelOptimizer create(RenderQuality quality, NDManager jobManager) {
        return switch (quality.optimizer()) {
            case ADAM -> new AdamOptimizer(jobManager);
            case LBFGS -> new LbfgsOptimizer(jobManager, quality.lbfgsHistory(), quality.lbfgsGradientTolerance(),
                    quality.lbfgsCostTolerance());
        };
    }
}
