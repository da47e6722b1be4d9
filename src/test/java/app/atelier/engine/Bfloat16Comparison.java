package app.atelier.engine;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bfloat16 backbone against float32, for docs/performance.md: the default SqueezeNet render
 * (dog.jpg in the style of scream.jpg, 256 px, Adam) in float32, again in float32 (is the run
 * deterministic?), in float32 from the photo with the lowest bit of every blue value flipped
 * (the difference an invisible change of the input makes), and in bfloat16; each picture's pixel RMS and PSNR against the first, and its cost in
 * float32 (docs/quality.md's measure). Not part of the suite (it renders for minutes). Run with
 * {@code mvn -o test -Dtest=Bfloat16Comparison -Dsurefire.failIfNoSpecifiedTests=false}
 * (-Dquality.iterations=N, default 200); pictures go to target/bfloat16/.
 */
class Bfloat16Comparison {

    private static final int SIDE = 256;

    @Test
    void comparesThePictures() throws Exception {
        int iterations = Integer.getInteger("quality.iterations", 200);
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        Path folder = Files.createDirectories(Path.of("target", "bfloat16"));
        int[] flipped = dog.argb().clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] ^= 1;
        }
        RgbImage dogFlipped = new RgbImage(dog.width(), dog.height(), flipped);
        String[] variants = {"float32", "float32-again", "float32-photo-lowest-bit", "bfloat16"};
        RgbImage reference = null;
        for (String variant : variants) {
            System.setProperty(Bfloat16Support.PRECISION_PROPERTY, variant.equals("bfloat16") ? "bfloat16" : "float32");
            RgbImage photo = variant.equals("float32-photo-lowest-bit") ? dogFlipped : dog;
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            RgbImage picture;
            try (StyleTransferJob job = StyleTransferJob.start(new JobSpec(BackboneKind.SQUEEZENET1_1,
                    TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU, photo, List.of(new StyleSource(scream, 1)),
                    SIDE, Defaults.INIT, Defaults.SEED, iterations, Defaults.parameters(BackboneKind.SQUEEZENET1_1)))) {
                job.subscribe(new JobListener() {
                    @Override
                    public void onIterations(List<IterationRecord> records) {
                        records.forEach(r -> nanos.add(r.nanos()));
                    }
                });
                job.awaitFinished(Duration.ofHours(1));
                picture = job.latestFrame().orElseThrow().image();
            } finally {
                System.clearProperty(Bfloat16Support.PRECISION_PROPERTY);
            }
            PngWriter.write(picture, folder.resolve(variant + ".png"), Map.of("atelier.settings", variant));
            reference = reference == null ? picture : reference;
            double rms = rms(picture, reference);
            double median = nanos.stream().sorted().skip(nanos.size() / 2).findFirst().orElse(0L) / 1e6;
            System.out.printf(Locale.ROOT, "BFLOAT16 variant=%s iterations=%d median_ms=%.1f rms=%.2f"
                    + " psnr_db=%.1f cost=%.4g%n", variant, iterations, median, rms,
                    rms == 0 ? Double.POSITIVE_INFINITY : 20 * Math.log10(255 / rms),
                    QualityComparison.cost(picture, dog, scream));
        }
    }

    /** Root mean square of the channel differences, in 0–255 steps. */
    private static double rms(RgbImage a, RgbImage b) {
        double sum = 0;
        for (int i = 0; i < a.argb().length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int d = ((a.argb()[i] >> shift) & 0xFF) - ((b.argb()[i] >> shift) & 0xFF);
                sum += d * d;
            }
        }
        return Math.sqrt(sum / (3.0 * a.argb().length));
    }
}
