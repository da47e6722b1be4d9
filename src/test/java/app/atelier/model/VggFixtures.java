package app.atelier.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Weights files of the right shapes with random values, written by the tests themselves. */
final class VggFixtures {

    private VggFixtures() {
    }

    static NamedTensor random(String name, Random random, long... shape) {
        float[] data = new float[(int) NamedTensor.elementCount(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian() * 0.05f;
        }
        return new NamedTensor(name, shape, data);
    }

    /** VGG19's 32 convolution tensors plus a small stand-in classifier that import must drop. */
    static List<NamedTensor> vgg19WithClassifier(long seed) {
        List<NamedTensor> tensors = new ArrayList<>(RandomVgg19Weights.tensors(seed));
        Random random = new Random(seed);
        tensors.add(random("classifier.6.weight", random, 10, 8));
        tensors.add(random("classifier.6.bias", random, 10));
        return tensors;
    }

    static Path writeVgg19(Path file, long seed) throws IOException {
        SafetensorsWriter.write(file, vgg19WithClassifier(seed));
        return file;
    }

    private static Path shared;

    /**
     * One VGG19-shaped .safetensors (80 MB) for all tests of a run to read, never to change: writing
     * a fresh one per test costs seconds on a small CI machine.
     */
    static synchronized Path sharedVgg19() throws IOException {
        if (shared == null) {
            Path folder = java.nio.file.Files.createTempDirectory("atelier-vgg19-fixture");
            shared = writeVgg19(folder.resolve("vgg19-full.safetensors"), 7);
            shared.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
        }
        return shared;
    }
}
