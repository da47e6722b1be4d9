package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.UnaryOperator;

/**
 * One forward and backward pass: the cost of the picture and its gradient with respect to the
 * pixels, which is what every optimiser step asks for (Adam once, L-BFGS once per line-search
 * trial). It owns the one rule DJL's PyTorch engine imposes here: a single open
 * {@link GradientCollector} in the whole JVM.
 *
 * <p>Any thread; the passes of different callers take turns.
 */
final class CostGradient {

    /**
     * DJL's PyTorch engine allows one open GradientCollector in the whole JVM (a static flag), so
     * passes take turns. The jobs of one {@link JobWorker} run one at a time; the lock guards
     * against another worker's job, or a test or bench calling {@link #at} directly, meanwhile.
     */
    static final Object LOCK = new Object();

    private CostGradient() {
    }

    /** The cost and its gradient at {@code pixels}; every array it leaves belongs to {@code scope}. */
    static PixelOptimizer.CostAndGradient at(StyleObjective objective, NDArray pixels, LiveParameters current,
                                             NDManager scope) {
        return at(objective, pixels, current, scope, UnaryOperator.identity());
    }

    /**
     * The cost of {@code seen(pixels)} and its gradient with respect to {@code pixels}; every array
     * it leaves belongs to {@code scope}.
     */
    static PixelOptimizer.CostAndGradient at(StyleObjective objective, NDArray pixels, LiveParameters current,
                                             NDManager scope, UnaryOperator<NDArray> seen) {
        // A fresh leaf per evaluation: its graph and gradient die with the scope, so nothing
        // accumulates on the long-lived pixels.
        NDArray leaf = pixels.duplicate();
        leaf.attach(scope);
        leaf.setRequiresGradient(true);
        synchronized (LOCK) {
            try (GradientCollector collector = leaf.getManager().getEngine().newGradientCollector()) {
                StyleObjective.Evaluation evaluation = objective.evaluate(seen.apply(leaf), current);
                collector.backward(evaluation.total());
                NDArray gradient = leaf.getGradient();
                gradient.attach(scope);
                return new PixelOptimizer.CostAndGradient(evaluation.breakdown(), gradient);
            }
        }
    }
}
