package app.atelier.engine;

import app.atelier.TestData;
import app.atelier.image.RgbImage;
import app.atelier.model.NamedTensor;
import app.atelier.model.RandomVgg19Weights;
import app.atelier.model.SafetensorsWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Milliseconds per iteration for each backbone at 256 and 512 px. Not part of the suite (the
 * name does not end in Test): it loads the CPU for a minute. Run it on purpose with
 * {@code mvn -o test -Dtest=EngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; set
 * -Dbench.sizes=256,512 and -Dbench.iterations=6 to change what it measures. VGG19 runs on
 * made-up weights of the right shapes (speed does not depend on the values).
 */
class EngineBenchmark {

    @Test
    void millisecondsPerIteration() throws Exception {
        int iterations = Integer.getInteger("bench.iterations", 6);
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("bench.sizes", "256,512").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        Path vgg = Files.createTempFile("vgg19-made-up", ".safetensors");
        try {
            writeMadeUpVgg19(vgg);
            for (BackboneKind kind : BackboneKind.values()) {
                Path weights = kind == BackboneKind.VGG19 ? vgg : TestData.squeezenet();
                for (int size : sizes) {
                    double[] millis = millisPerIteration(kind, weights, size, iterations);
                    System.out.printf("%s at %d px: %.0f ms per iteration (fastest of %d; median %.0f)%n",
                            kind.id(), size, millis[0], millis.length, millis[millis.length / 2]);
                }
            }
        } finally {
            Files.deleteIfExists(vgg);
        }
    }

    /**
     * Sorted times of all iterations but the first. The fastest is the figure to quote on a shared
     * machine: other processes only ever make an iteration slower.
     */
    private static double[] millisPerIteration(BackboneKind kind, Path weights, int size, int iterations)
            throws Exception {
        RgbImage content = noise(size, 3 * size / 4, 1);
        RgbImage style = noise(size, size, 2);
        JobSpec spec = new JobSpec(kind, weights, Pooling.MAX, ComputeDevice.CPU, content,
                List.of(new StyleSource(style, 1)), size, InitMode.CONTENT, 1, iterations, Defaults.parameters(kind));
        try (StyleTransferJob job = StyleTransferJob.start(spec)) {
            JobRecorder recorder = new JobRecorder();
            job.subscribe(recorder);
            job.awaitFinished(Duration.ofMinutes(10));
            JobRecorder.await("records", 30, () -> recorder.iterations() == iterations);
            // The first iteration also computes the targets: leave it out.
            return recorder.records.stream().skip(1).mapToDouble(r -> r.nanos() / 1e6).sorted().toArray();
        }
    }

    static RgbImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        return new RgbImage(width, height, argb);
    }

    /** VGG19's 16 convolutions with torchvision's keys, He-initialised. */
    static void writeMadeUpVgg19(Path file) throws Exception {
        writeMadeUpVgg19(file, 1f);
    }

    /** As above with every value multiplied by {@code gain} (a huge gain overflows float32). */
    static void writeMadeUpVgg19(Path file, float gain) throws Exception {
        List<NamedTensor> tensors = new ArrayList<>();
        for (NamedTensor tensor : RandomVgg19Weights.tensors(5)) {
            float[] values = tensor.data().clone();
            for (int i = 0; i < values.length; i++) {
                values[i] *= gain;
            }
            tensors.add(new NamedTensor(tensor.name(), tensor.shape(), values));
        }
        SafetensorsWriter.write(file, tensors);
    }
}
