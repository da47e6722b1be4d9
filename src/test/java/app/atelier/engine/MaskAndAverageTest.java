package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import org.junit.jupiter.api.Test;

class MaskAndAverageTest {

    @Test
    void whereTheMaskIsBlackTheOutputStaysTheContent() throws Exception {
        int longSide = 80;
        // Left half black (keep the photo), right half white (style it).
        int[] mask = new int[40 * 30];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = i % 40 < 20 ? 0xFF000000 : 0xFFFFFFFF;
        }
        QualityRuns.Run run = QualityRuns.run(QualityRuns.spec(longSide, InitMode.NOISE, 4,
                RenderQuality.DEFAULT.withMask(new RgbImage(40, 30, mask))));
        RgbImage content = ImageResizer.toLongSide(QualityRuns.dog(), longSide);
        RgbImage output = run.last().image();
        int width = output.width();
        double outside = 0;
        double inside = 0;
        int outsideCount = 0;
        int insideCount = 0;
        for (int y = 0; y < output.height(); y++) {
            for (int x = 0; x < width; x++) {
                double d = difference(output.argb()[y * width + x], content.argb()[y * width + x]);
                // Leave the resized mask's soft edge out of both sides.
                if (x < width / 2 - 3) {
                    outside += d;
                    outsideCount++;
                } else if (x > width / 2 + 3) {
                    inside += d;
                    insideCount++;
                }
            }
        }
        System.out.printf("mean |Δ| to the content: outside the mask %.2f, inside %.2f%n",
                outside / outsideCount, inside / insideCount);
        assertThat(outside / outsideCount).isLessThan(1.0);
        assertThat(inside / insideCount).isGreaterThan(10.0);
    }

    @Test
    void theAverageOfIteratesThatJumpBackAndForthSettlesInTheMiddle() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            IterateAverage average = new IterateAverage(0.9, manager);
            NDArray pixels = manager.zeros(new Shape(1, 3, 4, 4));
            for (int step = 0; step < 60; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    pixels.tempAttach(scope);
                    pixels.subi(1).negi();
                    average.add(pixels, scope);
                }
            }
            float[] last = average.current(pixels).toFloatArray();
            // The iterates alternate between 0 and 1; at decay 0.9 the average swings within ±(1 − 0.9)/(1 + 0.9).
            assertThat(last[0]).isBetween(0.44f, 0.56f);
            assertThat(new IterateAverage(0, manager).current(pixels)).isSameAs(pixels);
            average.reset();
            assertThat(average.current(pixels)).isSameAs(pixels);
        }
    }

    @Test
    void aJobWithAveragingShowsADifferentPictureThanWithout() throws Exception {
        RgbImage plain = QualityRuns.run(QualityRuns.spec(48, InitMode.NOISE, 3, RenderQuality.DEFAULT)).last().image();
        RgbImage averaged = QualityRuns.run(QualityRuns.spec(48, InitMode.NOISE, 3,
                RenderQuality.DEFAULT.withEmaDecay(0.99))).last().image();
        double sum = 0;
        for (int i = 0; i < plain.argb().length; i++) {
            sum += difference(plain.argb()[i], averaged.argb()[i]);
        }
        // Same seed and settings give the same frames, so without averaging this would be 0.
        assertThat(sum / plain.argb().length).isGreaterThan(0.3);
    }

    private static double difference(int a, int b) {
        double sum = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            sum += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
        }
        return sum / 3;
    }
}
