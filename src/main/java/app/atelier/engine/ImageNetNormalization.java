package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The per-channel (x - mean) / std both backbones were trained with, on RGB in [0, 1], handed to
 * the network in the usual memory order or in channels-last order.
 *
 * <p>Why channels-last, for SqueezeNet: libtorch keeps an input's memory order through
 * convolution, ReLU and pooling, and its max pooling in the usual order is a scalar loop with a
 * branch per element (15 ms of a SqueezeNet iteration at 512 px), in channels-last order a vector
 * loop (1.6 ms). Measured with against without, SqueezeNet, Adam, 3 rounds: 0.76 [0.71, 0.83] the
 * time at 512 px, 0.79 [0.77, 0.88] at 256 px. VGG19, whose time is its large convolutions, was
 * 1.09 [1.04, 1.13] the time and 1.10 the memory at 256 px, so it keeps the usual order
 * (docs/performance.md, "Levers"). {@code -Datelier.channelsLast=false} turns it off, to measure it.
 */
final class ImageNetNormalization {

    private static final boolean CHANNELS_LAST_ALLOWED = !"false".equals(System.getProperty("atelier.channelsLast"));

    private final NDArray mean;
    private final NDArray std;
    private final boolean channelsLast;

    ImageNetNormalization(NDManager manager, DataType dataType, boolean channelsLast) {
        this.channelsLast = channelsLast && CHANNELS_LAST_ALLOWED;
        // A bfloat16 backbone normalises in float32; its first convolution casts (Bfloat16Casts).
        dataType = dataType == DataType.BFLOAT16 ? DataType.FLOAT32 : dataType;
        mean = manager.create(new float[] {0.485f, 0.456f, 0.406f}, new Shape(1, 3, 1, 1)).toType(dataType, false);
        std = manager.create(new float[] {0.229f, 0.224f, 0.225f}, new Shape(1, 3, 1, 1)).toType(dataType, false);
    }

    NDArray apply(NDArray rgb) {
        try (NDArray centred = rgb.sub(mean)) {
            NDArray normalized = centred.div(std);
            if (!channelsLast) {
                return normalized;
            }
            // DJL has no memory-format call: copying the [N, H, W, C] view into its own order (the
            // flattening reshape copies) and viewing that as [N, C, H, W] gives channels-last strides.
            Shape shape = normalized.getShape();
            try (NDArray hwc = normalized.transpose(0, 2, 3, 1); NDArray packed = hwc.reshape(-1);
                 NDArray nhwc = packed.reshape(shape.get(0), shape.get(2), shape.get(3), shape.get(1))) {
                normalized.close();
                return nhwc.transpose(0, 3, 1, 2);
            }
        }
    }
}
