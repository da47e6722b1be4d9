package app.atelier.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A float tensor read from or written to a weights file, in C (row-major) order.
 *
 * @param name  the key in its file (a safetensors key or a .npy file stem)
 * @param shape dimensions, outermost first; empty for a scalar
 * @param data  the values, {@code product(shape)} of them
 */
public record NamedTensor(String name, long[] shape, float[] data) {

    public NamedTensor {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        Objects.requireNonNull(data, "data");
        long expected = elementCount(shape);
        if (expected != data.length) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(shape)
                    + " (" + expected + " values) but " + data.length + " values were given");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of values a tensor of this shape holds; rejects negative dimensions. */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, dimension);
        }
        return count;
    }

    public boolean hasShape(long... expected) {
        return Arrays.equals(shape, expected);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor that && name.equals(that.name)
                && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NamedTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
