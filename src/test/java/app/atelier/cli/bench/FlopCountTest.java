package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.LiveParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlopCountTest {

    private static LiveParameters contentOnly(String layer) {
        return new LiveParameters(1, 0, 0, 0.01, List.of(layer), List.of());
    }

    @Test
    void vgg19ConvolutionsAt224MatchThePublishedMultiplyAdds() {
        // torchvision lists VGG19 at 19.63 G multiply-adds, of which the classifier is 0.12 G.
        double flops = FlopCount.perEvaluation(BackboneKind.VGG19, 224, 224, contentOnly("conv5_4"));
        double forwardMacs = flops / 4;
        assertThat(forwardMacs / 1e9).isCloseTo(19.51, within(0.05));
    }

    @Test
    void squeezeNetFeaturesAt224MatchThePublishedMultiplyAddsLessTheClassifier() {
        // torchvision lists SqueezeNet 1.1 at 0.35 G multiply-adds; its classifier (1000x512 on 13x13) is 0.087 G.
        double flops = FlopCount.perEvaluation(BackboneKind.SQUEEZENET1_1, 224, 224, contentOnly("fire8"));
        assertThat(flops / 4 / 1e9).isCloseTo(0.35 - 0.087, within(0.01));
    }

    @Test
    void deeperTapsAndGramLayersCostMore() {
        double shallow = FlopCount.perEvaluation(BackboneKind.VGG19, 256, 256, contentOnly("conv2_1"));
        double deep = FlopCount.perEvaluation(BackboneKind.VGG19, 256, 256, contentOnly("conv4_2"));
        double withStyle = FlopCount.perEvaluation(BackboneKind.VGG19, 256, 256,
                contentOnly("conv4_2").withStyleLayers(BackboneKind.VGG19.defaultStyleLayers()));
        assertThat(deep).isGreaterThan(shallow);
        assertThat(withStyle).isGreaterThan(deep);
    }
}
