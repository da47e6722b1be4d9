package app.atelier.cli.bench;

import app.atelier.model.NamedTensor;
import app.atelier.model.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A VGG19 .safetensors file of the right shapes with He-normal random weights, for timing where
 * the real weights are absent. The values change nothing about the work per iteration; He scaling
 * keeps activations near 1 so that no layer runs on denormals or overflows.
 */
public final class RandomVgg19Weights {

    private static final int[][] BLOCKS = {{64, 64}, {128, 128}, {256, 256, 256, 256},
        {512, 512, 512, 512}, {512, 512, 512, 512}};

    private RandomVgg19Weights() {
    }

    /** Writes the file into {@code folder} and returns its path. */
    public static Path write(Path folder, long seed) throws IOException {
        Random random = new Random(seed);
        List<NamedTensor> tensors = new ArrayList<>();
        int featureIndex = 0;
        int in = 3;
        for (int[] block : BLOCKS) {
            for (int out : block) {
                int fanIn = in * 9;
                float[] weight = new float[out * fanIn];
                double std = Math.sqrt(2.0 / fanIn);
                for (int i = 0; i < weight.length; i++) {
                    weight[i] = (float) (random.nextGaussian() * std);
                }
                tensors.add(new NamedTensor("features." + featureIndex + ".weight", new long[] {out, in, 3, 3}, weight));
                tensors.add(new NamedTensor("features." + featureIndex + ".bias", new long[] {out}, new float[out]));
                featureIndex += 2;
                in = out;
            }
            featureIndex += 1;
        }
        Files.createDirectories(folder);
        Path file = folder.resolve("vgg19-random.safetensors");
        SafetensorsWriter.write(file, tensors, Map.of("note", "random He-normal weights for benchmarking"));
        return file;
    }
}
