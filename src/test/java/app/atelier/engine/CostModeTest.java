package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Both cost modes on real SqueezeNet activations against plain-loop computations: exact costs are
 * the README's formulas, normalised costs divide each term by its target's own size; and the
 * normalised default gives Adam gradients far above its ε on the real pictures.
 */
class CostModeTest {

    private static final int SIZE = 33;
    private static final List<StyleLayer> LAYERS = List.of(new StyleLayer("conv0", 3), new StyleLayer("fire2", 0.5),
            new StyleLayer("fire4", 2));
    private static final List<String> CONTENT = List.of("fire1", "fire3");

    private static SqueezeNetBackbone net;
    private static NDManager manager;
    private final Random random = new Random(11);

    @BeforeAll
    static void load() throws Exception {
        net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT64);
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterAll
    static void release() {
        if (manager != null) {
            manager.close();
        }
        if (net != null) {
            net.close();
        }
    }

    @Test
    void exactCostsAreTheReadmeFormulas() {
        checkAgainstLoops(CostMode.EXACT);
    }

    @Test
    void normalizedCostsDivideEachTermByItsTargetsOwnSize() {
        checkAgainstLoops(CostMode.NORMALIZED);
    }

    private void checkAgainstLoops(CostMode mode) {
        RgbImage content = randomImage();
        RgbImage style = randomImage();
        RgbImage generated = randomImage();
        LiveParameters parameters = new LiveParameters(0.7, 3.0, 0.4, 0.01, CONTENT, LAYERS, mode);
        try (NDManager scope = manager.newSubManager();
             StyleTargets targets = new StyleTargets(net, scope, content, List.of(new StyleSource(style, 1)),
                     DataType.FLOAT64)) {
            StyleObjective objective = new StyleObjective(net, targets);
            objective.prepare(parameters);
            NDArray pixels = ImageTensors.toTensor(scope, generated, DataType.FLOAT64);
            LossBreakdown actual = objective.evaluate(pixels, parameters).breakdown();

            Map<String, NDArray> g = net.features(pixels, Set.of("fire1", "fire2", "fire3", "fire4", "conv0"));
            Map<String, NDArray> c = net.features(ImageTensors.toTensor(scope, content, DataType.FLOAT64),
                    Set.of("fire1", "fire3"));
            Map<String, NDArray> s = net.features(ImageTensors.toTensor(scope, style, DataType.FLOAT64),
                    Set.of("conv0", "fire2", "fire4"));
            double contentSum = 0;
            for (String layer : CONTENT) {
                double j = contentCost(c.get(layer), g.get(layer));
                contentSum += mode == CostMode.EXACT ? j : j / contentCost(c.get(layer), null);
            }
            double styleSum = 0;
            double weights = 0;
            for (StyleLayer layer : LAYERS) {
                double j = styleCost(s.get(layer.name()), g.get(layer.name()));
                double term = mode == CostMode.EXACT ? j : 100 * j / styleCost(s.get(layer.name()), null);
                assertThat(actual.stylePerLayer().get(layer.name())).isCloseTo(term, within(1e-9 * term));
                styleSum += layer.weight() * term;
                weights += layer.weight();
            }
            if (mode == CostMode.NORMALIZED) {
                contentSum /= CONTENT.size();
                styleSum /= weights;
            }
            double tv = StyleCosts.totalVariation(pixels).getDouble();
            double expected = 0.7 * contentSum + 3.0 * styleSum + 0.4 * tv;
            assertThat(actual.content()).isCloseTo(contentSum, within(1e-9 * contentSum));
            assertThat(actual.style()).isCloseTo(styleSum, within(1e-9 * styleSum));
            assertThat(actual.total()).isCloseTo(expected, within(1e-9 * expected));
        }
    }

    /** J_content = 1/(4·n_H·n_W·n_C) · Σ (a^C − a^G)², with a^G = 0 when {@code generated} is null. */
    private static double contentCost(NDArray target, NDArray generated) {
        double[] a = target.toDoubleArray();
        double[] b = generated == null ? new double[a.length] : generated.toDoubleArray();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum / (4.0 * a.length);
    }

    /**
     * J_style = 1/(4·n_C²·(n_H·n_W)²) · Σ (G^S − G^G)² with both Grams over the generated picture's
     * positions (here the style has the same size); G^G = 0 when {@code generated} is null.
     */
    private static double styleCost(NDArray style, NDArray generated) {
        Shape shape = style.getShape();
        int channels = (int) shape.get(1);
        int positions = (int) (shape.get(2) * shape.get(3));
        double[] gs = gram(style.toDoubleArray(), channels, positions);
        double[] gg = generated == null ? new double[gs.length] : gram(generated.toDoubleArray(), channels, positions);
        double sum = 0;
        for (int i = 0; i < gs.length; i++) {
            sum += (gs[i] - gg[i]) * (gs[i] - gg[i]);
        }
        return sum / (4.0 * channels * channels * (double) positions * positions);
    }

    private static double[] gram(double[] a, int channels, int positions) {
        double[] gram = new double[channels * channels];
        for (int i = 0; i < channels; i++) {
            for (int j = 0; j < channels; j++) {
                double sum = 0;
                for (int k = 0; k < positions; k++) {
                    sum += a[i * positions + k] * a[j * positions + k];
                }
                gram[i * channels + j] = sum;
            }
        }
        return gram;
    }

    /**
     * The STYLE.md trap: with the exact costs the pixel gradients sit near Adam's ε. The normalised
     * default must keep them at least 100·ε at the default size, on every photo.
     */
    @Test
    void normalizedDefaultsGiveGradientsFarAboveAdamsEpsilon() throws Exception {
        LiveParameters parameters = Defaults.parameters(BackboneKind.SQUEEZENET1_1);
        assertThat(parameters.costMode()).isEqualTo(CostMode.NORMALIZED);
        RgbImage style = ImageLoader.load(TestData.image("wave.jpg"));
        try (SqueezeNetBackbone floatNet = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(),
                DataType.FLOAT32)) {
            for (String photo : List.of("dog.jpg", "chicago.jpg")) {
                RgbImage content = ImageResizer.toLongSide(ImageLoader.load(TestData.image(photo)), Defaults.LONG_SIDE);
                try (NDManager scope = manager.newSubManager();
                     StyleTargets targets = new StyleTargets(floatNet, scope, content, List.of(new StyleSource(
                             ImageResizer.toLongSide(style, Defaults.LONG_SIDE), 1)), DataType.FLOAT32)) {
                    StyleObjective objective = new StyleObjective(floatNet, targets);
                    objective.prepare(parameters);
                    NDArray start = ImageTensors.toTensor(scope, content, DataType.FLOAT32);
                    NDArray gradient = CostGradient.at(objective, start, parameters, scope).gradient();
                    double rms = Math.sqrt(gradient.square().mean().getFloat());
                    assertThat(rms).as("pixel gradient RMS for %s", photo).isGreaterThan(100 * AdamOptimizer.EPSILON);
                }
            }
        }
    }

    private RgbImage randomImage() {
        int[] argb = new int[SIZE * SIZE];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        return new RgbImage(SIZE, SIZE, argb);
    }
}
