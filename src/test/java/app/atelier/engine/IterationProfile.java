package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Where one iteration's time goes, for docs/performance.md: the engine's own pieces (stage,
 * objective, optimiser, picture) run on this thread as the job's worker runs them, with wall-clock
 * phases (forward and cost, backward, optimiser step, picture) over several iterations, and
 * libtorch's profiler (DJL's {@code JniUtils.startProfile}, thread-local, hence this thread and
 * not a job's worker) over one evaluation, written as a Chrome trace for bench/profile_table.py.
 * Not part of the suite (the name does not end in Test). Run on purpose:
 * {@code mvn -o test -Dtest=IterationProfile -Dsurefire.failIfNoSpecifiedTests=false
 * -Dprofile.backbone=squeezenet1_1 -Dprofile.size=512 -Dprofile.trace=/tmp/atelier-trace.json}
 * (VGG19 needs -Dprofile.vgg19=FILE.safetensors, else made-up weights of the right shapes).
 * bench/reference.py --profile does the same on the PyTorch side.
 */
class IterationProfile {

    @Test
    void oneIteration() throws Exception {
        // As the app's launcher does before the engine loads (this test runs in a JVM of its own).
        ComputeThreads.preferSleepingOpenMpThreads();
        TensorMemory.keepFreedTensorsForReuse();
        BackboneKind kind = BackboneKind.fromId(System.getProperty("profile.backbone", "squeezenet1_1"));
        int size = Integer.getInteger("profile.size", 256);
        int iterations = Integer.getInteger("profile.iterations", 5);
        Path trace = Path.of(System.getProperty("profile.trace", "atelier-trace.json"));
        Path weights = kind == BackboneKind.SQUEEZENET1_1 ? TestData.squeezenet() : vgg19();
        RgbImage content = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage style = ImageLoader.load(TestData.image("scream.jpg"));
        LiveParameters parameters = Defaults.parameters(kind);
        RenderQuality quality = RenderQuality.DEFAULT;
        // [forward and cost, backward, optimiser step beyond its evaluation, picture] per iteration, ms
        List<double[]> phases = new ArrayList<>();
        try (BackboneCache.Lease lease = BackboneCache.shared().acquire(kind, weights, Pooling.MAX, Device.cpu(),
                DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            ScaleStage stage = new ScaleStage(lease.backbone(), manager, ScaleStage.Images.prepare(content,
                    List.of(new StyleSource(style, 1.0)), quality.mask(), quality.matchHistogram()), size,
                    quality.styleScale());
            NDArray pixels = ImageTensors.toTensor(manager, stage.content(), DataType.FLOAT32);
            PixelOptimizer optimizer = PixelOptimizer.create(quality, manager);
            IterateAverage average = new IterateAverage(quality.emaDecay(), manager);
            stage.objective().prepare(parameters);
            for (int i = 0; i < iterations; i++) {
                boolean profiled = i == iterations - 1;
                double[] times = new double[4];
                long started = System.nanoTime();
                try (NDManager scope = manager.newSubManager()) {
                    optimizer.step(pixels, (x, s) -> evaluate(stage.objective(), x, parameters, s, times,
                            profiled ? trace : null), parameters.learningRate(), scope);
                    long stepped = System.nanoTime();
                    times[2] = (stepped - started) / 1e6 - times[0] - times[1];
                    average.add(pixels, scope);
                    stage.picture(average.current(pixels), quality.originalColors(), scope);
                    times[3] = (System.nanoTime() - stepped) / 1e6;
                }
                phases.add(times);
            }
            stage.close();
        }
        double[] medians = new double[4];
        for (int p = 0; p < 4; p++) {
            final int phase = p;
            // Not the first iteration (it warms up) nor the last (the profiler slows it down).
            double[] values = phases.stream().skip(1).limit(Math.max(1, iterations - 2)).mapToDouble(t -> t[phase])
                    .sorted().toArray();
            medians[p] = values[values.length / 2];
        }
        System.out.printf(Locale.ROOT, "PHASES impl=atelier backbone=%s size=%d forward_ms=%.2f backward_ms=%.2f"
                + " step_ms=%.2f picture_ms=%.2f trace=%s%n", kind.id(), size, medians[0], medians[1], medians[2],
                medians[3], trace);
    }

    /** {@link CostGradient#at}, with its forward and backward timed apart. */
    private static PixelOptimizer.CostAndGradient evaluate(StyleObjective objective, NDArray pixels,
                                                           LiveParameters parameters, NDManager scope,
                                                           double[] times, Path trace) {
        NDArray leaf = pixels.duplicate();
        leaf.attach(scope);
        leaf.setRequiresGradient(true);
        if (trace != null) {
            JniUtils.startProfile(false, false, false);
        }
        try (GradientCollector collector = leaf.getManager().getEngine().newGradientCollector()) {
            long started = System.nanoTime();
            StyleObjective.Evaluation evaluation = objective.evaluate(leaf, parameters);
            long evaluated = System.nanoTime();
            collector.backward(evaluation.total());
            NDArray gradient = leaf.getGradient();
            gradient.attach(scope);
            times[0] += (evaluated - started) / 1e6;
            times[1] += (System.nanoTime() - evaluated) / 1e6;
            return new PixelOptimizer.CostAndGradient(evaluation.breakdown(), gradient);
        } finally {
            if (trace != null) {
                JniUtils.stopProfile(trace.toAbsolutePath().toString());
            }
        }
    }

    private static Path vgg19() throws Exception {
        String given = System.getProperty("profile.vgg19");
        if (given != null) {
            return Path.of(given);
        }
        Path file = Files.createTempFile("vgg19-made-up", ".safetensors");
        file.toFile().deleteOnExit();
        EngineBenchmark.writeMadeUpVgg19(file);
        return file;
    }
}
