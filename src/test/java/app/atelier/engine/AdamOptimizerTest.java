package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's Adam step (one fused native update, then the clamp into [0, 1]) against Kingma and
 * Ba's algorithm written out in doubles, on a real quadratic cost: same pixels after every step.
 */
class AdamOptimizerTest {

    private static final double LEARNING_RATE = 0.05;
    private static final int STEPS = 12;

    @Test
    void stepsAsTextbookAdamWithTheFirstGradientsScaleAndTheClamp() {
        float[] start = {0.02f, 0.5f, 0.97f, 0.3f, 0.6f, 0.01f, 0.99f, 0.45f, 0.7f, 0.2f, 0.8f, 0.5f};
        // Targets outside [0, 1] push some pixels against the clamp, which must hold them there.
        float[] target = {-0.4f, 0.9f, 1.6f, 0.3f, 0.1f, 0.4f, 0.2f, 1.2f, 0.7f, -0.2f, 0.5f, 0.55f};
        double gradientFactor = 1e-7; // the tiny gradients the design's normalisation gives

        double[] expected = textbookAdam(start, target, gradientFactor);

        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             AdamOptimizer adam = new AdamOptimizer(manager)) {
            Shape shape = new Shape(1, 3, 2, 2);
            NDArray pixels = manager.create(start, shape);
            NDArray goal = manager.create(target, shape);
            int arraysBefore = manager.getManagedArrays().size();
            for (int step = 0; step < STEPS; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    adam.step(pixels, (x, s) -> quadratic(x, goal, gradientFactor, s), LEARNING_RATE, scope);
                }
            }
            float[] actual = pixels.toFloatArray();
            for (int i = 0; i < actual.length; i++) {
                assertThat((double) actual[i]).as("pixel %d", i).isCloseTo(expected[i], within(2e-5));
                assertThat(actual[i]).isBetween(0f, 1f);
            }
            // The moments live in the optimiser's own sub-manager; nothing else stays behind.
            assertThat(manager.getManagedArrays().size()).isEqualTo(arraysBefore + 2);
        }
    }

    /** cost = factor·Σ(x − t)², gradient 2·factor·(x − t), computed by libtorch in the scope. */
    private static PixelOptimizer.CostAndGradient quadratic(NDArray pixels, NDArray goal, double factor,
                                                            NDManager scope) {
        NDArray difference = pixels.sub(goal);
        difference.attach(scope);
        double cost = factor * difference.square().sum().getFloat();
        NDArray gradient = difference.mul(2 * factor);
        gradient.attach(scope);
        return new PixelOptimizer.CostAndGradient(new LossBreakdown(cost, cost, 0, Map.of(), 0), gradient);
    }

    private static double[] textbookAdam(float[] start, float[] target, double factor) {
        double beta1 = 0.9;
        double beta2 = 0.999;
        int n = start.length;
        double[] x = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = start[i];
        }
        double scale = 0;
        for (int t = 1; t <= STEPS; t++) {
            double[] g = new double[n];
            double squares = 0;
            for (int i = 0; i < n; i++) {
                g[i] = 2 * factor * (x[i] - target[i]);
                squares += g[i] * g[i];
            }
            if (t == 1) {
                scale = 1 / Math.sqrt(squares / n);
            }
            for (int i = 0; i < n; i++) {
                double scaled = g[i] * scale;
                m[i] = beta1 * m[i] + (1 - beta1) * scaled;
                v[i] = beta2 * v[i] + (1 - beta2) * scaled * scaled;
                double mHat = m[i] / (1 - Math.pow(beta1, t));
                double vHat = v[i] / (1 - Math.pow(beta2, t));
                x[i] -= LEARNING_RATE * mHat / (Math.sqrt(vHat) + AdamOptimizer.EPSILON);
                x[i] = Math.min(1, Math.max(0, x[i]));
            }
        }
        return x;
    }
}
