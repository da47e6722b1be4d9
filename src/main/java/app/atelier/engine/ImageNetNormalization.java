package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/** The per-channel (x - mean) / std both backbones were trained with, on RGB in [0, 1]. */
final class ImageNetNormalization {

    private final NDArray mean;
    private final NDArray std;

    ImageNetNormalization(NDManager manager, DataType dataType) {
        // A bfloat16 backbone normalises in float32; its first convolution casts (Bfloat16Casts).
        dataType = dataType == DataType.BFLOAT16 ? DataType.FLOAT32 : dataType;
        mean = manager.create(new float[] {0.485f, 0.456f, 0.406f}, new Shape(1, 3, 1, 1)).toType(dataType, false);
        std = manager.create(new float[] {0.229f, 0.224f, 0.225f}, new Shape(1, 3, 1, 1)).toType(dataType, false);
    }

    NDArray apply(NDArray rgb) {
        try (NDArray centred = rgb.sub(mean)) {
            return centred.div(std);
        }
    }
}
