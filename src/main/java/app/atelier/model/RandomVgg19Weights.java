package app.atelier.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * VGG19's kept tensors ({@link BackboneArchitecture#VGG19}: names and shapes) with random values:
 * for {@code bench} where the real weights are absent, and for tests of files of the real shapes.
 * The values change nothing about the work per iteration; He-normal weights keep activations near
 * 1 so that no layer runs on denormals or overflows, and small non-zero biases keep each tensor
 * of a file distinguishable from another's.
 */
public final class RandomVgg19Weights {

    private RandomVgg19Weights() {
    }

    /** The 32 tensors in network order; the same seed gives the same values. */
    public static List<NamedTensor> tensors(long seed) {
        Random random = new Random(seed);
        List<NamedTensor> tensors = new ArrayList<>();
        for (TensorSpec spec : BackboneArchitecture.VGG19.tensors()) {
            long[] shape = spec.shape();
            float[] values = new float[(int) NamedTensor.elementCount(shape)];
            // A weight [out, in, kh, kw] has fan-in in*kh*kw; a bias gets a small fixed spread.
            double std = shape.length == 4 ? Math.sqrt(2.0 / (shape[1] * shape[2] * shape[3])) : 0.01;
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
            tensors.add(new NamedTensor(spec.name(), shape, values));
        }
        return tensors;
    }

    /** Writes {@code vgg19-random.safetensors} into {@code folder} and returns its path. */
    public static Path write(Path folder, long seed) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("vgg19-random.safetensors");
        SafetensorsWriter.write(file, tensors(seed), Map.of("note", "random He-normal weights for benchmarking"));
        return file;
    }
}
