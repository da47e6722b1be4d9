package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.RgbImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sizes and shapes a render cannot take are named before any work, not by PyTorch mid-run. */
class RenderSizeTest {

    private static RgbImage picture(int width, int height) {
        return new RgbImage(width, height, new int[width * height]);
    }

    private static LiveParameters layers(BackboneKind backbone, String deepest) {
        return new LiveParameters(1, 1, 0, 0.01, List.of(backbone.taps().get(0)), List.of(new StyleLayer(deepest, 1)));
    }

    @Test
    void smallestSideIsExactlyWhatSqueezeNetCanTakeAtEveryTap() throws Exception {
        try (SqueezeNetBackbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (String tap : BackboneKind.SQUEEZENET1_1.taps()) {
                int side = FeatureGeometry.smallestSide(BackboneKind.SQUEEZENET1_1, Set.of(tap));
                try (NDManager step = manager.newSubManager()) {
                    assertThat(net.features(ImageTensors.toTensor(step, picture(side, side), DataType.FLOAT32),
                            Set.of(tap))).as(tap + " at " + side).containsKey(tap);
                    assertThatThrownBy(() -> net.features(
                            ImageTensors.toTensor(step, picture(side - 1, 64), DataType.FLOAT32), Set.of(tap)))
                            .as(tap + " at " + (side - 1)).isNotNull();
                }
            }
        }
    }

    @Test
    void vggNeedsOnePixelLeftAfterItsPoolings() {
        assertThat(FeatureGeometry.smallestSide(BackboneKind.VGG19, Set.of("conv1_2"))).isEqualTo(1);
        assertThat(FeatureGeometry.smallestSide(BackboneKind.VGG19, Set.of("conv2_1"))).isEqualTo(2);
        assertThat(FeatureGeometry.smallestSide(BackboneKind.VGG19, Set.of("conv4_2"))).isEqualTo(8);
        assertThat(FeatureGeometry.smallestSide(BackboneKind.VGG19, Set.of("conv1_1", "conv5_1"))).isEqualTo(16);
    }

    @Test
    void sizesOutsideTheWindowsRangeAreRefused() {
        BackboneKind net = BackboneKind.SQUEEZENET1_1;
        LiveParameters parameters = Defaults.parameters(net);
        List<RgbImage> styles = List.of(picture(64, 64));

        assertThat(RenderSize.problem(net, parameters, picture(64, 48), styles, 20_000, RenderQuality.DEFAULT))
                .hasValueSatisfying(p -> assertThat(p).contains("20000", "4096"));
        assertThat(RenderSize.problem(net, parameters, picture(64, 48), styles, 100_000, RenderQuality.DEFAULT))
                .isPresent();
        assertThat(RenderSize.problem(net, parameters, picture(64, 48), styles, 4096, RenderQuality.DEFAULT)).isEmpty();
        assertThat(RenderSize.problem(net, parameters, picture(64, 48), styles, 1024,
                RenderQuality.DEFAULT.withStyleScale(8))).hasValueSatisfying(p -> assertThat(p).contains("8192"));
    }

    @Test
    void thinPictureIsRefusedWithTheSizeThatWouldFit() {
        BackboneKind net = BackboneKind.SQUEEZENET1_1;
        LiveParameters parameters = layers(net, "fire8");

        assertThat(RenderSize.problem(net, parameters, picture(8000, 16), List.of(picture(64, 64)), 256,
                RenderQuality.DEFAULT))
                .hasValueSatisfying(p -> assertThat(p).contains("content picture", "8000x16", "1 px thin",
                        "at least 17 px", "crop"));
        assertThat(RenderSize.problem(net, parameters, picture(400, 20), List.of(picture(64, 64)), 256,
                RenderQuality.DEFAULT))
                .hasValueSatisfying(p -> assertThat(p).contains("output size of at least 340 px"));
        assertThat(RenderSize.problem(net, parameters, picture(400, 20), List.of(picture(64, 64)), 340,
                RenderQuality.DEFAULT)).isEmpty();
    }

    @Test
    void thinStylePictureAndCoarseFirstScaleAreChecked() {
        BackboneKind net = BackboneKind.SQUEEZENET1_1;
        LiveParameters parameters = layers(net, "fire8");

        assertThat(RenderSize.problem(net, parameters, picture(64, 64), List.of(picture(2000, 30)), 256,
                RenderQuality.DEFAULT)).hasValueSatisfying(p -> assertThat(p).contains("style picture", "2000x30"));
        // 400x20 fits at 340 px, but five scales start at 48 px, where it is 2 px thin.
        assertThat(RenderSize.problem(net, parameters, picture(400, 20), List.of(picture(64, 64)), 340,
                RenderQuality.DEFAULT.withScales(5, 0))).hasValueSatisfying(p -> assertThat(p).contains("crop"));
    }
}
