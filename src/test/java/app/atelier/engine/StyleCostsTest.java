package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import app.atelier.TestData;
import app.atelier.image.RgbImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The costs against plain-loop computations of the design's formulas, and the gradient against finite differences. */
class StyleCostsTest {

    private NDManager manager;
    private final Random random = new Random(3);

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private double[] randomValues(int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }

    private NDArray tensor(double[] values, long... shape) {
        return manager.create(values, new Shape(shape));
    }

    @Test
    void contentCostIsTheNormalisedSquaredDistance() {
        int c = 3;
        int h = 4;
        int w = 5;
        double[] target = randomValues(c * h * w);
        double[] generated = randomValues(c * h * w);
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            sum += (target[i] - generated[i]) * (target[i] - generated[i]);
        }
        double expected = sum / (4.0 * h * w * c);
        double actual = StyleCosts.content(tensor(target, 1, c, h, w), tensor(generated, 1, c, h, w)).getDouble();
        assertThat(actual).isCloseTo(expected, within(1e-12));
    }

    @Test
    void gramMatrixSumsChannelProductsOverPositions() {
        int c = 3;
        int h = 2;
        int w = 3;
        double[] a = randomValues(c * h * w);
        double[] gram = StyleCosts.gram(tensor(a, 1, c, h, w)).toDoubleArray();
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double expected = 0;
                for (int k = 0; k < h * w; k++) {
                    expected += a[i * h * w + k] * a[j * h * w + k];
                }
                assertThat(gram[i * c + j]).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void styleCostIsTheNormalisedGramDistance() {
        int c = 4;
        int h = 3;
        int w = 2;
        double[] style = randomValues(c * h * w);
        double[] generated = randomValues(c * h * w);
        double sum = 0;
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                double gs = 0;
                double gg = 0;
                for (int k = 0; k < h * w; k++) {
                    gs += style[i * h * w + k] * style[j * h * w + k];
                    gg += generated[i * h * w + k] * generated[j * h * w + k];
                }
                sum += (gs - gg) * (gs - gg);
            }
        }
        double expected = sum / (4.0 * c * c * (double) (h * w) * (h * w));
        NDArray gramS = StyleCosts.gram(tensor(style, 1, c, h, w));
        NDArray gramG = StyleCosts.gram(tensor(generated, 1, c, h, w));
        assertThat(StyleCosts.style(gramS, gramG, h * w).getDouble()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void styleCostOfActivationsHasTheGramCostsValueAndGradient() {
        int c = 5;
        int h = 4;
        int w = 3;
        double divisor = 0.7;
        NDArray targetGram = StyleCosts.gram(tensor(randomValues(c * h * w), 1, c, h, w));
        double[] generated = randomValues(c * h * w);
        double[] values = new double[2];
        double[][] gradients = new double[2][];
        for (int way = 0; way < 2; way++) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray activations = scope.create(generated, new Shape(1, c, h, w));
                activations.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray cost = way == 0
                            ? StyleCosts.style(targetGram, StyleCosts.gram(activations), h * w, divisor)
                            : StyleCosts.styleOfActivations(targetGram, activations, divisor);
                    values[way] = cost.getDouble();
                    collector.backward(cost);
                }
                gradients[way] = activations.getGradient().toDoubleArray();
            }
        }
        assertThat(values[1]).isCloseTo(values[0], within(1e-12 * values[0]));
        assertThat(gradients[0]).hasSize(c * h * w).doesNotContain(0.0);
        for (int i = 0; i < gradients[0].length; i++) {
            assertThat(gradients[1][i]).as("d cost / d activation %d", i)
                    .isCloseTo(gradients[0][i], within(1e-9 * Math.abs(gradients[0][i])));
        }
    }

    @Test
    void totalVariationIsTheMeanSquaredNeighbourDifference() {
        int c = 2;
        int h = 3;
        int w = 4;
        double[] x = randomValues(c * h * w);
        double sum = 0;
        int count = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int col = 0; col < w; col++) {
                    double value = x[(ch * h + y) * w + col];
                    if (y + 1 < h) {
                        double d = x[(ch * h + y + 1) * w + col] - value;
                        sum += d * d;
                        count++;
                    }
                    if (col + 1 < w) {
                        double d = x[(ch * h + y) * w + col + 1] - value;
                        sum += d * d;
                        count++;
                    }
                }
            }
        }
        assertThat(StyleCosts.totalVariation(tensor(x, 1, c, h, w)).getDouble()).isCloseTo(sum / count, within(1e-12));
    }

    @Test
    void totalCostGradientMatchesFiniteDifferences() throws Exception {
        gradientMatchesFiniteDifferences(CostMode.EXACT);
    }

    @Test
    void normalizedCostGradientMatchesFiniteDifferences() throws Exception {
        gradientMatchesFiniteDifferences(CostMode.NORMALIZED);
    }

    private void gradientMatchesFiniteDifferences(CostMode mode) throws Exception {
        try (SqueezeNetBackbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT64)) {
            int size = 29;
            StyleTargets targets = new StyleTargets(net, manager, randomImage(size), List.of(
                    new StyleSource(randomImage(size), 1), new StyleSource(randomImage(size), 2)), DataType.FLOAT64);
            LiveParameters parameters = new LiveParameters(1.0, 0.0025, 0.5, 0.01, List.of("fire1"),
                    List.of(new StyleLayer("conv0", 20000), new StyleLayer("fire2", 500)), mode);
            StyleObjective objective = new StyleObjective(net, targets);
            objective.prepare(parameters);

            double[] pixels = new double[3 * size * size];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = 0.2 + 0.6 * random.nextDouble();
            }
            double[] gradient;
            double total;
            try (NDManager scope = manager.newSubManager()) {
                NDArray image = scope.create(pixels, new Shape(1, 3, size, size));
                image.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    StyleObjective.Evaluation evaluation = objective.evaluate(image, parameters);
                    total = evaluation.breakdown().total();
                    collector.backward(evaluation.total());
                }
                gradient = image.getGradient().toDoubleArray();
            }
            assertThat(total).isPositive();
            double step = 1e-5;
            for (int probe = 0; probe < 12; probe++) {
                int index = random.nextInt(pixels.length);
                double plus = costAt(objective, parameters, pixels, index, step, size);
                double minus = costAt(objective, parameters, pixels, index, -step, size);
                double numeric = (plus - minus) / (2 * step);
                assertThat(gradient[index]).as("d cost / d pixel %d", index)
                        .isCloseTo(numeric, within(1e-6 * Math.max(1e-3, Math.abs(numeric)) + 1e-12));
            }
        }
    }

    private double costAt(StyleObjective objective, LiveParameters parameters, double[] pixels, int index,
                          double delta, int size) {
        double[] moved = pixels.clone();
        moved[index] += delta;
        try (NDManager scope = manager.newSubManager()) {
            return objective.evaluate(scope.create(moved, new Shape(1, 3, size, size)), parameters).breakdown().total();
        }
    }

    private RgbImage randomImage(int size) {
        int[] argb = new int[size * size];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        return new RgbImage(size, size, argb);
    }
}
