package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Adam (Kingma and Ba) on the pixels, with the usual β1 = 0.9, β2 = 0.999, ε = 1e-8.
 *
 * <p>Gradient scale: with the design's normalisation the cost is about 1e-3 and the pixel
 * gradients about 1e-9, below ε, where Adam's step would shrink with the gradient instead of
 * being about the learning rate. Adam is otherwise invariant to a constant factor on the
 * gradient, so the first gradient after a reset fixes a constant that brings its RMS to 1 and
 * every later gradient is multiplied by the same constant. Weights changed mid-run therefore
 * still change the direction and relative size of the steps, as they should.
 */
final class AdamOptimizer implements PixelOptimizer {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    /** DJL's update clips the gradient at a non-negative value; a negative one turns that off. */
    private static final float NO_CLIPPING = -1f;

    private final NDManager stateManager;
    private NDArray firstMoment;
    private NDArray secondMoment;
    private double gradientScale;
    private int steps;

    /** @param parent the job's long-lived manager; the moments live in a sub-manager of it */
    AdamOptimizer(NDManager parent) {
        this.stateManager = parent.newSubManager();
    }

    @Override
    public LossBreakdown step(NDArray pixels, DifferentiableCost cost, double learningRate, NDManager scope) {
        CostAndGradient evaluated = cost.evaluate(pixels, scope);
        if (!evaluated.loss().isFinite()) {
            return evaluated.loss();
        }
        NDArray gradient = evaluated.gradient();
        if (firstMoment == null || !firstMoment.getShape().equals(pixels.getShape())) {
            reset();
            firstMoment = stateManager.zeros(pixels.getShape(), pixels.getDataType());
            secondMoment = stateManager.zeros(pixels.getShape(), pixels.getDataType());
        }
        if (steps == 0) {
            double rms = Math.sqrt(gradient.square().mean().toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                    .getDouble());
            gradientScale = rms > 0 && Double.isFinite(rms) ? 1.0 / rms : 1.0;
        }
        steps++;
        // One native call (DJL's own fused update: moments in place, then the step) instead of a
        // dozen NDArray operations, each with a picture-sized temporary whose fresh pages cost
        // more than its arithmetic. The bias corrections fold into the learning rate and ε:
        // lr·(m/c1)/(√(v/c2)+ε) = (lr·√c2/c1)·m/(√v + ε·√c2).
        double firstCorrection = 1 - Math.pow(BETA1, steps);
        double rootSecondCorrection = Math.sqrt(1 - Math.pow(BETA2, steps));
        // DJL wraps every operand that is not on the first one's manager in a new array on that
        // manager: borrow them all into the iteration's scope so that no wrapper outlives it.
        firstMoment.tempAttach(scope);
        secondMoment.tempAttach(scope);
        pixels.tempAttach(scope);
        pixels.getNDArrayInternal().adamUpdate(new NDList(pixels, gradient, firstMoment, secondMoment),
                new NDList(pixels), (float) learningRate, (float) (learningRate * rootSecondCorrection / firstCorrection),
                0f, (float) gradientScale, NO_CLIPPING, (float) BETA1, (float) BETA2,
                (float) (EPSILON * rootSecondCorrection), false, false);
        PixelOptimizer.overwrite(pixels, pixels.clip(0, 1));
        return evaluated.loss();
    }

    @Override
    public void reset() {
        if (firstMoment != null) {
            firstMoment.close();
            secondMoment.close();
            firstMoment = null;
            secondMoment = null;
        }
        steps = 0;
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
