package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import app.atelier.model.NamedTensor;
import app.atelier.model.WeightsFormatException;
import java.io.IOException;
import java.util.Arrays;

/** Turns checked {@link NamedTensor}s into frozen arrays on a backbone's manager. */
final class WeightSet {

    /** Reads one named tensor; the source decides how (a .npy file, a safetensors entry). */
    @FunctionalInterface
    interface TensorSource {
        /** @return the tensor, or null when the source has none of that name */
        NamedTensor read(String name) throws IOException;
    }

    private final NDManager manager;
    private final TensorSource source;
    private final DataType dataType;
    private final String origin;

    WeightSet(NDManager manager, TensorSource source, DataType dataType, String origin) {
        this.manager = manager;
        this.source = source;
        this.dataType = dataType;
        this.origin = origin;
    }

    /** The tensor {@code name}, which must have exactly {@code expected} shape. */
    NDArray load(String name, long... expected) throws IOException {
        NamedTensor tensor = source.read(name);
        if (tensor == null) {
            throw new WeightsFormatException(origin + ": missing tensor '" + name + "' (shape "
                    + Arrays.toString(expected) + ")");
        }
        if (!tensor.hasShape(expected)) {
            throw new WeightsFormatException(origin + ": tensor '" + name + "' has shape "
                    + Arrays.toString(tensor.shape()) + ", expected " + Arrays.toString(expected));
        }
        NDArray array = manager.create(tensor.data(), new Shape(expected));
        if (dataType == DataType.BFLOAT16) {
            NDArray converted = Bfloat16Casts.toBfloat16(array);
            array.close();
            array = converted;
        } else if (dataType != DataType.FLOAT32) {
            NDArray converted = array.toType(dataType, false);
            array.close();
            array = converted;
        }
        array.setName(name);
        return array;
    }

    ConvLayer conv(String layerName, String weightKey, String biasKey, long out, long in, long kernel,
                   int stride, int padding) throws IOException {
        NDArray weight = load(weightKey, out, in, kernel, kernel);
        NDArray bias = load(biasKey, out);
        return new ConvLayer(layerName, weight, bias, stride, padding);
    }
}
