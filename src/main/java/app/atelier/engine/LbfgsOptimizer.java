package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS on the pixels, projected onto [0, 1], with a backtracking (Armijo) line
 * search. One {@link #step} is one L-BFGS iteration and may evaluate the cost several times.
 *
 * <p>Scale: the design's cost is about 1e-3 with pixel gradients about 1e-9, so, as in
 * {@link AdamOptimizer}, the first gradient after a reset fixes a constant that brings its RMS to
 * 1; the curvature pairs and the stopping tolerances use the scaled gradient, so both tolerances
 * are relative (to the first gradient and to the cost) and torch's absolute defaults, which this
 * cost would meet at once, play no part.
 *
 * <p>The first step after a reset goes down the gradient with an RMS pixel change of the learning
 * rate; later steps start at the quasi-Newton step (length 1) and halve it, or less, until the
 * cost falls enough. The cost and gradient at the accepted point are kept for the next step, so a
 * step whose first trial is accepted costs exactly one evaluation; {@link #costChanged} drops them
 * when the weights change.
 *
 * <p>Called only from the job's worker thread.
 */
final class LbfgsOptimizer implements PixelOptimizer {

    /** Armijo's sufficient-decrease constant, as in torch and Nocedal & Wright. */
    private static final double SUFFICIENT_DECREASE = 1e-4;
    private static final int MAX_TRIALS = 10;

    private record Pair(NDArray step, NDArray gradientChange, double rho) {
    }

    private final NDManager stateManager;
    private final int history;
    private final double gradientTolerance;
    private final double costTolerance;
    private final Deque<Pair> pairs = new ArrayDeque<>();

    private double gradientScale;
    private double firstGradientMax;
    /** Scaled gradient and cost at the current pixels, or null when unknown. */
    private NDArray gradient;
    private LossBreakdown loss;
    private boolean converged;

    /**
     * @param parent            the job's long-lived manager; the history lives in a sub-manager of it
     * @param history           curvature pairs kept
     * @param gradientTolerance stop when max |g| falls to this share of the first gradient's
     * @param costTolerance     stop when a step lowers the cost by less than this share of it
     */
    LbfgsOptimizer(NDManager parent, int history, double gradientTolerance, double costTolerance) {
        this.stateManager = parent.newSubManager();
        this.history = history;
        this.gradientTolerance = gradientTolerance;
        this.costTolerance = costTolerance;
    }

    @Override
    public LossBreakdown step(NDArray pixels, DifferentiableCost cost, double learningRate, NDManager scope) {
        if (gradient != null && !gradient.getShape().equals(pixels.getShape())) {
            reset();
        }
        if (gradient == null) {
            try (NDManager trial = scope.newSubManager()) {
                CostAndGradient start = cost.evaluate(pixels, trial);
                if (!start.loss().isFinite()) {
                    return start.loss();
                }
                if (firstGradientMax == 0) {
                    double rms = Math.sqrt(dot(start.gradient(), start.gradient()) / start.gradient().size());
                    gradientScale = rms > 0 && Double.isFinite(rms) ? 1.0 / rms : 1.0;
                    firstGradientMax = maxAbs(start.gradient()) * gradientScale;
                }
                remember(start.gradient().mul(gradientScale), start.loss());
            }
        }
        LossBreakdown startLoss = loss;
        if (converged) {
            return startLoss;
        }
        NDArray direction = direction(scope);
        double slope = dot(gradient, direction);
        if (!(slope < 0)) {
            // The history no longer describes a descent direction (e.g. after clamping): restart.
            clearPairs();
            direction = steepest(scope);
            slope = dot(gradient, direction);
        }
        double length = pairs.isEmpty() ? learningRate * Math.sqrt(direction.size() / -slope) : 1.0;
        if (!search(pixels, cost, direction, length, scope)) {
            if (pairs.isEmpty()) {
                converged = true;
            } else {
                clearPairs();
            }
        }
        return startLoss;
    }

    /** Tries shorter and shorter steps along {@code direction}; true when one lowered the cost enough. */
    private boolean search(NDArray pixels, DifferentiableCost cost, NDArray direction, double length,
                           NDManager scope) {
        double start = loss.total();
        double t = length;
        for (int trialNumber = 0; trialNumber < MAX_TRIALS; trialNumber++) {
            try (NDManager trial = scope.newSubManager()) {
                NDArray candidate = direction.mul(t);
                candidate.attach(trial);
                candidate = candidate.addi(pixels).clip(0, 1);
                NDArray moved = candidate.sub(pixels);
                // After clamping the move is not t·direction, so the predicted decrease uses the real move.
                double predicted = dot(gradient, moved) / gradientScale;
                CostAndGradient evaluated = cost.evaluate(candidate, trial);
                double value = evaluated.loss().total();
                if (Double.isFinite(value) && predicted < 0 && value <= start + SUFFICIENT_DECREASE * predicted) {
                    NDArray newGradient = evaluated.gradient().mul(gradientScale);
                    addPair(moved, newGradient.sub(gradient));
                    PixelOptimizer.overwrite(pixels, candidate);
                    remember(newGradient, evaluated.loss());
                    converged = maxAbs(newGradient) <= gradientTolerance * firstGradientMax
                            || start - value <= costTolerance * Math.abs(start);
                    return true;
                }
                if (!(predicted < 0)) {
                    return false;
                }
                double curvature = Double.isFinite(value) ? value - start - predicted : Double.POSITIVE_INFINITY;
                // Minimum of the quadratic through f(0), f'(0) and f(t), kept within [0.1, 0.5]·t.
                double shrink = curvature > 0 ? -predicted / (2 * curvature) : 0.5;
                t *= Math.min(0.5, Math.max(0.1, shrink));
            }
        }
        return false;
    }

    /** The two-loop recursion: −H·g, with H the inverse-Hessian estimate from the pairs. */
    private NDArray direction(NDManager scope) {
        if (pairs.isEmpty()) {
            return steepest(scope);
        }
        NDArray q = gradient.duplicate();
        q.attach(scope);
        double[] alphas = new double[pairs.size()];
        int i = pairs.size();
        for (Iterator<Pair> newestFirst = pairs.descendingIterator(); newestFirst.hasNext(); ) {
            Pair pair = newestFirst.next();
            double alpha = pair.rho() * dot(pair.step(), q);
            alphas[--i] = alpha;
            try (NDArray scaled = pair.gradientChange().mul(alpha)) {
                q.subi(scaled);
            }
        }
        Pair newest = pairs.peekLast();
        double gamma = 1.0 / (newest.rho() * dot(newest.gradientChange(), newest.gradientChange()));
        q.muli(gamma);
        i = 0;
        for (Pair pair : pairs) {
            double beta = pair.rho() * dot(pair.gradientChange(), q);
            try (NDArray scaled = pair.step().mul(alphas[i++] - beta)) {
                q.addi(scaled);
            }
        }
        return q.negi();
    }

    private NDArray steepest(NDManager scope) {
        NDArray result = gradient.neg();
        result.attach(scope);
        return result;
    }

    private void addPair(NDArray step, NDArray gradientChange) {
        double sy = dot(step, gradientChange);
        double ss = dot(step, step);
        double yy = dot(gradientChange, gradientChange);
        // Keeps H positive definite; projected steps and float noise can break the curvature condition.
        if (!(sy > 1e-10 * Math.sqrt(ss * yy))) {
            return;
        }
        if (pairs.size() == history) {
            Pair oldest = pairs.removeFirst();
            oldest.step().close();
            oldest.gradientChange().close();
        }
        step.attach(stateManager);
        gradientChange.attach(stateManager);
        pairs.addLast(new Pair(step, gradientChange, 1.0 / sy));
    }

    private void remember(NDArray scaledGradient, LossBreakdown value) {
        if (gradient != null) {
            gradient.close();
        }
        scaledGradient.attach(stateManager);
        gradient = scaledGradient;
        loss = value;
    }

    /**
     * One fused dot product of the flattened tensors (torch.dot, as torch.optim.LBFGS uses): no
     * picture-sized temporaries, where a product, a float64 copy of it and a sum would make two.
     */
    private static double dot(NDArray a, NDArray b) {
        try (NDArray flatA = a.reshape(-1); NDArray flatB = b.reshape(-1); NDArray product = flatA.dot(flatB)) {
            return product.getFloat();
        }
    }

    private static double maxAbs(NDArray a) {
        try (NDArray abs = a.abs(); NDArray max = abs.max()) {
            return max.getFloat();
        }
    }

    /** True when a tolerance was met or no step lowers the cost any more; until reset. */
    @Override
    public boolean converged() {
        return converged;
    }

    /** The weights changed: the kept cost and gradient are stale; the curvature pairs too. */
    @Override
    public void costChanged() {
        reset();
    }

    @Override
    public void reset() {
        clearPairs();
        if (gradient != null) {
            gradient.close();
            gradient = null;
        }
        loss = null;
        firstGradientMax = 0;
        converged = false;
    }

    private void clearPairs() {
        for (Pair pair : pairs) {
            pair.step().close();
            pair.gradientChange().close();
        }
        pairs.clear();
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
