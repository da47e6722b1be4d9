package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.image.RgbImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Input that runs but surprises gets one sentence each; ordinary input gets none. */
class InputWarningsTest {

    private static RgbImage picture(int width, int height, int argb) {
        int[] pixels = new int[width * height];
        Arrays.fill(pixels, argb);
        return new RgbImage(width, height, pixels);
    }

    private static JobSpec spec(RgbImage content, RgbImage style, int size, LiveParameters parameters,
                                RenderQuality quality) {
        return new JobSpec(BackboneKind.SQUEEZENET1_1, Path.of("weights"), Pooling.MAX, ComputeDevice.CPU, content,
                List.of(new StyleSource(style, 1)), size, InitMode.CONTENT, 1, 10, parameters, quality);
    }

    private static LiveParameters defaults() {
        return Defaults.parameters(BackboneKind.SQUEEZENET1_1);
    }

    @Test
    void ordinaryInputGetsNoWarning() {
        RgbImage mask = picture(400, 300, 0xFFFFFFFF);
        assertThat(InputWarnings.of(spec(picture(400, 300, 0xFF336699), picture(300, 300, 0xFF884422), 256,
                defaults(), RenderQuality.DEFAULT.withMask(mask)))).isEmpty();
    }

    @Test
    void tinyPicturesAreNamedWithHowFarTheyAreScaledUp() {
        List<String> warnings = InputWarnings.of(spec(picture(1, 1, 0xFF336699), picture(2, 2, 0xFF884422), 64,
                defaults(), RenderQuality.DEFAULT));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("content picture is only 1x1 px", "64 times");
        assertThat(warnings.get(1)).contains("style picture 1 is only 2x2 px");
    }

    @Test
    void maskOfAnotherShapeAndAllBlackMaskAreNamed() {
        RgbImage content = picture(400, 300, 0xFF336699);
        List<String> warnings = InputWarnings.of(spec(content, picture(300, 300, 0xFF884422), 256, defaults(),
                RenderQuality.DEFAULT.withMask(picture(100, 100, 0xFF000000))));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("100x100", "400x300", "stretched");
        assertThat(warnings.get(1)).contains("black everywhere");
    }

    @Test
    void styleWithoutWeightIsNamed() {
        RgbImage content = picture(400, 300, 0xFF336699);
        RgbImage style = picture(300, 300, 0xFF884422);
        LiveParameters zeroLayers = defaults().withStyleLayers(
                defaults().styleLayers().stream().map(layer -> new StyleLayer(layer.name(), 0)).toList());

        assertThat(InputWarnings.of(spec(content, style, 256, zeroLayers, RenderQuality.DEFAULT)))
                .singleElement().asString().contains("no style layer has a weight");
        assertThat(InputWarnings.of(spec(content, style, 256, defaults().withBeta(0), RenderQuality.DEFAULT)))
                .singleElement().asString().contains("β is 0");
    }
}
