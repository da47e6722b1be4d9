package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class StyleTargetsBlendAndScaleTest {

    private static final Set<String> LAYERS = Set.of("conv0", "fire2", "fire3", "fire4");
    private static SqueezeNetBackbone net;

    @BeforeAll
    static void load() throws Exception {
        net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
    }

    @AfterAll
    static void close() {
        if (net != null) {
            net.close();
        }
    }

    @Test
    void aBlendOfOneToZeroGivesTheSingleStylesTargets() throws Exception {
        RgbImage content = ImageResizer.toLongSide(QualityRuns.dog(), 64);
        RgbImage scream = ImageResizer.toLongSide(QualityRuns.scream(), 64);
        RgbImage other = ImageResizer.toLongSide(QualityRuns.dog(), 64);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             StyleTargets single = new StyleTargets(net, manager, content, List.of(new StyleSource(scream, 1)),
                     DataType.FLOAT32);
             StyleTargets blend = new StyleTargets(net, manager, content,
                     List.of(new StyleSource(scream, 1), new StyleSource(other, 0)), DataType.FLOAT32);
             StyleTargets even = new StyleTargets(net, manager, content,
                     List.of(new StyleSource(scream, 1), new StyleSource(other, 1)), DataType.FLOAT32)) {
            single.ensure(Set.of("fire1"), LAYERS);
            blend.ensure(Set.of("fire1"), LAYERS);
            even.ensure(Set.of("fire1"), LAYERS);
            for (String layer : LAYERS) {
                assertThat(blend.gram(layer).allClose(single.gram(layer), 1e-6, 0, false))
                        .as("Gram target at %s", layer).isTrue();
                // A real blend moves the target, so the comparison above can fail.
                assertThat(even.gram(layer).allClose(single.gram(layer), 1e-3, 0, false)).isFalse();
            }
        }
    }

    @Test
    void styleScaleHalfFeedsTheStyleAtHalfTheOutputSize() throws Exception {
        int longSide = 96;
        List<long[]> inputs = feedShapes(longSide, 0.5);
        // The content at the output size, then the style at half of it.
        assertThat(Math.max(inputs.get(0)[2], inputs.get(0)[3])).isEqualTo(longSide);
        assertThat(Math.max(inputs.get(1)[2], inputs.get(1)[3])).isEqualTo(longSide / 2);
        List<long[]> full = feedShapes(longSide, 1.0);
        assertThat(Math.max(full.get(1)[2], full.get(1)[3])).isEqualTo(longSide);
    }

    /** The shapes of the pictures a stage feeds the network while it builds its targets. */
    private static List<long[]> feedShapes(int longSide, double styleScale) throws Exception {
        List<long[]> shapes = new ArrayList<>();
        Backbone recording = new Backbone() {
            @Override
            public BackboneKind kind() {
                return net.kind();
            }

            @Override
            public List<String> taps() {
                return net.taps();
            }

            @Override
            public Map<String, NDArray> features(NDArray rgb, Set<String> wanted) {
                shapes.add(rgb.getShape().getShape());
                return net.features(rgb, wanted);
            }

            @Override
            public void close() {
            }
        };
        ScaleStage.Images images = ScaleStage.Images.prepare(QualityRuns.dog(),
                List.of(new StyleSource(QualityRuns.scream(), 1)), null, false);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             ScaleStage stage = new ScaleStage(recording, manager, images, longSide, styleScale)) {
            stage.objective().prepare(Defaults.parameters(BackboneKind.SQUEEZENET1_1));
        }
        assertThat(shapes).hasSize(2);
        return shapes;
    }
}
