package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.StyleLayer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The floating-point work of one cost-and-gradient evaluation, from the backbone's layer shapes.
 *
 * <p>Counted: every convolution up to the deepest tap in use, forward plus the gradient with
 * respect to its input (2× the forward multiply-adds; the weights are frozen, so no weight gradient
 * is needed), and each style layer's Gram matrix, forward plus its two backward matrix products
 * (3× C²·HW multiply-adds). One multiply-add is two FLOPs. Pooling, ReLU, the content and TV
 * costs and the optimiser's update are element-wise and left out (under 1 % here).
 *
 * <p>The shapes repeat the architectures of the engine's backbones (SqueezeNet 1.1 as in the
 * models README, VGG19 configuration "E") because the engine keeps its layers private; a wrong
 * table here changes only the reported GFLOP/s, never what is timed.
 */
public final class FlopCount {

    /** One convolution: output/input channels, kernel, stride, padding. */
    private record Conv(String tap, int out, int in, int kernel, int stride, int padding) {
    }

    private FlopCount() {
    }

    /** FLOPs of one evaluation on a {@code width}×{@code height} picture with these layers. */
    public static double perEvaluation(BackboneKind backbone, int width, int height, LiveParameters parameters) {
        Set<String> wanted = new HashSet<>(parameters.contentLayers());
        parameters.styleLayers().forEach(layer -> wanted.add(layer.name()));
        Set<String> styleTaps = new HashSet<>();
        for (StyleLayer layer : parameters.styleLayers()) {
            styleTaps.add(layer.name());
        }
        int deepest = -1;
        for (String tap : wanted) {
            deepest = Math.max(deepest, backbone.taps().indexOf(tap));
        }
        Work work = switch (backbone) {
            case SQUEEZENET1_1 -> squeezeNet(width, height, deepest, styleTaps);
            case VGG19 -> vgg19(width, height, deepest, styleTaps);
        };
        return 2.0 * (2.0 * work.convMacs + 3.0 * work.gramMacs);
    }

    private static final class Work {
        double convMacs;
        double gramMacs;
        int width;
        int height;

        Work(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** Applies a convolution to the current feature map and returns its output channels. */
        int conv(Conv conv) {
            int outWidth = (width + 2 * conv.padding - conv.kernel) / conv.stride + 1;
            int outHeight = (height + 2 * conv.padding - conv.kernel) / conv.stride + 1;
            convMacs += (double) conv.out * conv.in * conv.kernel * conv.kernel * outWidth * outHeight;
            width = outWidth;
            height = outHeight;
            return conv.out;
        }

        void maxPoolCeil3x3Stride2() {
            width = (int) Math.ceil((width - 3) / 2.0) + 1;
            height = (int) Math.ceil((height - 3) / 2.0) + 1;
        }

        void pool2x2() {
            width /= 2;
            height /= 2;
        }

        void tap(String name, int channels, Set<String> styleTaps) {
            if (styleTaps.contains(name)) {
                gramMacs += (double) channels * channels * width * height;
            }
        }
    }

    private static final int[][] FIRE_CHANNELS = {
        {16, 64}, {16, 64}, {32, 128}, {32, 128}, {48, 192}, {48, 192}, {64, 256}, {64, 256}
    };

    private static Work squeezeNet(int width, int height, int deepest, Set<String> styleTaps) {
        Work work = new Work(width, height);
        if (deepest < 0) {
            return work;
        }
        int channels = work.conv(new Conv("conv0", 64, 3, 3, 2, 0));
        work.tap("conv0", channels, styleTaps);
        for (int i = 0; i < deepest; i++) {
            if (i == 0 || i == 2 || i == 4) {
                work.maxPoolCeil3x3Stride2();
            }
            int squeeze = FIRE_CHANNELS[i][0];
            int expand = FIRE_CHANNELS[i][1];
            int mapWidth = work.width;
            int mapHeight = work.height;
            work.conv(new Conv("", squeeze, channels, 1, 1, 0));
            work.conv(new Conv("", expand, squeeze, 1, 1, 0));
            work.width = mapWidth;
            work.height = mapHeight;
            work.conv(new Conv("", expand, squeeze, 3, 1, 1));
            channels = 2 * expand;
            work.tap("fire" + (i + 1), channels, styleTaps);
        }
        return work;
    }

    private static final int[][] VGG_BLOCKS = {{64, 64}, {128, 128}, {256, 256, 256, 256},
        {512, 512, 512, 512}, {512, 512, 512, 512}};

    private static Work vgg19(int width, int height, int deepest, Set<String> styleTaps) {
        Work work = new Work(width, height);
        List<String> taps = BackboneKind.VGG19.taps();
        int index = 0;
        int channels = 3;
        for (int[] block : VGG_BLOCKS) {
            if (index > 0) {
                work.pool2x2();
            }
            for (int out : block) {
                if (index > deepest) {
                    return work;
                }
                channels = work.conv(new Conv(taps.get(index), out, channels, 3, 1, 1));
                work.tap(taps.get(index), channels, styleTaps);
                index++;
            }
        }
        return work;
    }
}
