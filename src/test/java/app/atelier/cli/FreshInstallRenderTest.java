package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.util.Utils;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.PngMetadata;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh install: {@code render} in a child JVM with {@code ATELIER_MODELS} unset, no
 * {@code -Datelier.models} and an empty home folder, so the only weights it can find are the
 * built-in SqueezeNet 1.1. Nothing is downloaded ({@code ai.djl.offline}).
 */
class FreshInstallRenderTest {

    @Test
    void rendersWithOnlyTheBuiltInWeights(@TempDir Path dir) throws Exception {
        Path dog = TestData.image("dog.jpg");
        Path scream = TestData.image("scream.jpg");
        Path home = Files.createDirectories(dir.resolve("empty home"));
        Path out = dir.resolve("out.png");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-Dai.djl.offline=true",
                // The PyTorch library this JVM already unpacked: the test is about weights, and
                // unpacking 430 MB into the empty home on every run would only cost time.
                "-DDJL_CACHE_DIR=" + Utils.getCacheDir(),
                "-cp", System.getProperty("java.class.path"),
                "app.atelier.Launcher", "render",
                "--content", dog.toString(), "--style", scream.toString(), "--out", out.toString(),
                "--size", "96", "--iterations", "80", "--init", "content", "--seed", "3", "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.remove(WeightsSearchPath.ENV);
        environment.remove("XDG_DATA_HOME");
        environment.put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        Map<String, String> metadata = PngMetadata.read(out);
        assertThat(metadata.values()).as("the settings recorded in the PNG").anyMatch(value -> value.contains("squeezenet1_1"));
        try (var left = Files.walk(home)) {
            assertThat(left.filter(p -> p.toString().endsWith(".npy") || p.toString().endsWith(".npz")))
                    .as("nothing extracted into the home folder").isEmpty();
        }

        RgbImage picture = ImageLoader.load(out);
        assertThat(Math.max(picture.width(), picture.height())).isEqualTo(96);
        RgbImage photo = ImageResizer.resize(ImageLoader.load(dog), picture.width(), picture.height());
        RgbImage painting = ImageResizer.resize(ImageLoader.load(scream), picture.width(), picture.height());
        // A real render keeps the photo's subject and takes on the painting's colours; with wrong
        // weights the picture would stay the photo (no gradient worth the name) or turn to noise.
        double correlation = lumaCorrelation(picture, photo);
        double colourRatio = ColourHistogram.distance(picture, painting) / ColourHistogram.distance(photo, painting);
        System.out.printf("luma correlation with the photo %.3f, colour distance to the painting %.3f of the photo's%n",
                correlation, colourRatio);
        assertThat(correlation).isGreaterThan(0.3);
        assertThat(colourRatio).isLessThan(0.9);
    }

    /** 8x8x8 RGB histograms compared by symmetric chi-square, as issue 11 measures colour. */
    private static final class ColourHistogram {
        static double distance(RgbImage a, RgbImage b) {
            double[] ha = of(a);
            double[] hb = of(b);
            double sum = 0;
            for (int i = 0; i < ha.length; i++) {
                if (ha[i] + hb[i] > 0) {
                    sum += (ha[i] - hb[i]) * (ha[i] - hb[i]) / (ha[i] + hb[i]);
                }
            }
            return sum;
        }

        private static double[] of(RgbImage image) {
            double[] histogram = new double[512];
            for (int p : image.argb()) {
                histogram[(((p >> 16) & 0xff) >> 5) * 64 + (((p >> 8) & 0xff) >> 5) * 8 + ((p & 0xff) >> 5)] += 1.0 / image.argb().length;
            }
            return histogram;
        }
    }

    private static double lumaCorrelation(RgbImage a, RgbImage b) {
        int n = a.width() * a.height();
        double[] x = luma(a);
        double[] y = luma(b);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double[] luma(RgbImage image) {
        int[] argb = image.argb();
        double[] luma = new double[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            luma[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        }
        return luma;
    }
}
