package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.AwtImages;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side renders of docs/quality.md: dog.jpg in the style of scream.jpg at 256 px with
 * SqueezeNet, Adam against L-BFGS, single scale against coarse to fine, with and without the
 * content's colours. Not part of the suite (the name does not end in Test): it runs for minutes.
 * Run it on purpose with {@code mvn -o test -Dtest=QualityComparison -Dsurefire.failIfNoSpecifiedTests=false};
 * it writes each picture and a labelled contact sheet to target/quality/ and prints, per render,
 * the wall time, the cost evaluations and the cost of the final picture at 256 px (same targets
 * and weights for all, so the numbers compare).
 */
class QualityComparison {

    private static final int SIDE = 256;

    private record Variant(String name, String settings, int iterations, RenderQuality quality) {
    }

    private record Result(Variant variant, RgbImage picture, double seconds, int evaluations, double cost,
                          double medianMillis) {
    }

    @Test
    void rendersTheSideBySideSet() throws Exception {
        int iterations = Integer.getInteger("quality.iterations", 200);
        List<Variant> variants = List.of(
                new Variant("adam", "Adam, " + iterations + " it", iterations, RenderQuality.DEFAULT),
                new Variant("lbfgs", "L-BFGS, " + iterations / 2 + " it", iterations / 2,
                        RenderQuality.DEFAULT.withOptimizer(OptimizerKind.LBFGS)),
                new Variant("coarse-to-fine", "Adam, 3 scales x " + iterations / 2 + " it", iterations * 3 / 2,
                        RenderQuality.DEFAULT.withScales(3, 0)),
                new Variant("original-colors", "Adam, " + iterations + " it, original colours", iterations,
                        RenderQuality.DEFAULT.withOriginalColors(true)),
                new Variant("match-histogram", "Adam, " + iterations + " it, matched colours", iterations,
                        RenderQuality.DEFAULT.withMatchHistogram(true)));
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        Path folder = Files.createDirectories(Path.of("target", "quality"));
        List<Result> results = new ArrayList<>();
        // Loads the weights and warms PyTorch up, so the first timed render does not pay for it.
        try (StyleTransferJob warmUp = StyleTransferJob.start(new JobSpec(BackboneKind.SQUEEZENET1_1,
                TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU, dog, List.of(new StyleSource(scream, 1)), 64,
                Defaults.INIT, Defaults.SEED, 3, Defaults.parameters(BackboneKind.SQUEEZENET1_1)))) {
            warmUp.awaitFinished(Duration.ofMinutes(5));
        }
        for (Variant variant : variants) {
            JobSpec spec = new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX,
                    ComputeDevice.CPU, dog, List.of(new StyleSource(scream, 1)), SIDE, Defaults.INIT, Defaults.SEED,
                    variant.iterations(), Defaults.parameters(BackboneKind.SQUEEZENET1_1), variant.quality());
            AtomicInteger evaluations = new AtomicInteger();
            List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            RgbImage picture;
            try (StyleTransferJob job = StyleTransferJob.start(spec)) {
                job.subscribe(new JobListener() {
                    @Override
                    public void onIterations(List<IterationRecord> records) {
                        evaluations.set(records.get(records.size() - 1).evaluations());
                        records.forEach(r -> nanos.add(r.nanos()));
                    }
                });
                job.awaitFinished(Duration.ofHours(1));
                picture = job.latestFrame().orElseThrow().image();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            PngWriter.write(picture, folder.resolve(variant.name() + ".png"), Map.of("atelier.settings", variant.settings()));
            double median = nanos.stream().sorted().skip(nanos.size() / 2).findFirst().orElse(0L) / 1e6;
            Result result = new Result(variant, picture, seconds, evaluations.get(), cost(picture, dog, scream), median);
            results.add(result);
            System.out.printf(Locale.ROOT, "%-16s %-32s %6.1f s (median iteration %.0f ms) %4d evaluations cost %.4g%n",
                    variant.name(), variant.settings(), seconds, median, result.evaluations(), result.cost());
        }
        writeContactSheet(results, folder.resolve("contact-sheet.png"));
    }

    /** The default cost of {@code picture} at 256 px against the job's own targets. */
    static double cost(RgbImage picture, RgbImage content, RgbImage style) throws Exception {
        LiveParameters parameters = Defaults.parameters(BackboneKind.SQUEEZENET1_1);
        try (SqueezeNetBackbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu());
             StyleTargets targets = new StyleTargets(net, manager, ImageResizer.toLongSide(content, SIDE),
                     List.of(new StyleSource(ImageResizer.toLongSide(style, SIDE), 1)), DataType.FLOAT32);
             NDManager scope = manager.newSubManager()) {
            StyleObjective objective = new StyleObjective(net, targets);
            objective.prepare(parameters);
            NDArray pixels = ImageTensors.toTensor(scope, picture, DataType.FLOAT32);
            return CostGradient.at(objective, pixels, parameters, scope).loss().total();
        }
    }

    private static void writeContactSheet(List<Result> results, Path file) throws Exception {
        int cellWidth = results.get(0).picture().width();
        int cellHeight = results.get(0).picture().height();
        int caption = 34;
        BufferedImage sheet = new BufferedImage(cellWidth * results.size(), cellHeight + caption,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i < results.size(); i++) {
                Result result = results.get(i);
                g.drawImage(AwtImages.toBufferedImage(result.picture()), i * cellWidth, 0, null);
                g.drawString(result.variant().settings(), i * cellWidth + 4, cellHeight + 13);
                g.drawString(String.format(Locale.ROOT, "%.0f s, %d evaluations, cost %.3g", result.seconds(),
                        result.evaluations(), result.cost()), i * cellWidth + 4, cellHeight + 28);
            }
        } finally {
            g.dispose();
        }
        PngWriter.write(AwtImages.fromBufferedImage(sheet), file, Map.of());
    }
}
