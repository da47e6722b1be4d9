package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CoarseToFineTest {

    @Test
    void sizesAreAboutRootTwoApartAndEndAtTheRequestedSize() {
        ScaleSchedule large = ScaleSchedule.of(512, 4, 200, 0);
        assertThat(IntStream.range(0, 4).map(large::longSide).toArray()).containsExactly(181, 256, 362, 512);
        assertThat(IntStream.range(0, 4).map(large::iterations).toArray()).containsExactly(50, 50, 50, 50);

        ScaleSchedule small = ScaleSchedule.of(100, 4, 10, 0);
        assertThat(small.longSide(0)).isEqualTo(ScaleSchedule.SMALLEST);
        assertThat(small.longSide(3)).isEqualTo(100);
        assertThat(small.totalIterations()).isEqualTo(10);

        ScaleSchedule perScale = ScaleSchedule.of(300, 3, 1, 25);
        assertThat(perScale.totalIterations()).isEqualTo(75);
        assertThat(ScaleSchedule.of(300, 1, 40, 0).longSide(0)).isEqualTo(300);
    }

    @Test
    void endsAtExactlyTheRequestedSizeAndStreamsEveryScale() throws Exception {
        int longSide = 101;
        QualityRuns.Run run = QualityRuns.run(QualityRuns.spec(longSide, InitMode.CONTENT, 6,
                RenderQuality.DEFAULT.withScales(3, 2)));
        assertThat(run.records()).extracting(IterationRecord::scale).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(run.records()).allSatisfy(r -> assertThat(r.scales()).isEqualTo(3));
        assertThat(run.last().totalIterations()).isEqualTo(6);
        RgbImage expected = ImageResizer.toLongSide(QualityRuns.dog(), longSide);
        assertThat(run.last().image().width()).isEqualTo(expected.width());
        assertThat(run.last().image().height()).isEqualTo(expected.height());
    }

    /**
     * The budget is compute, counted in pixels processed: an iteration's work is proportional to
     * the picture's pixels (the network is convolutional), so coarse to fine's iterations at each
     * size (plus one full-size iteration for building the targets at the new size) are worth that
     * many full-size iterations of single scale, and the costs at the full size are compared.
     * Counting pixels rather than timing keeps the comparison the same on a busy machine.
     */
    @Test
    void reachesALowerCostThanSingleScaleInTheSameCompute() throws Exception {
        int longSide = 96;
        ScaleSchedule schedule = ScaleSchedule.of(longSide, 2, 14, 7);
        QualityRuns.Run multi = QualityRuns.run(
                QualityRuns.spec(longSide, InitMode.NOISE, 14, RenderQuality.DEFAULT.withScales(2, 7)));
        // More iterations than the coarse-to-fine run's compute allows, so the comparison is never cut short.
        QualityRuns.Run single = QualityRuns.run(QualityRuns.spec(longSide, InitMode.NOISE, 24, RenderQuality.DEFAULT));

        double fullSizePixels = pixels(longSide);
        double multiPixels = fullSizePixels;
        for (int scale = 1; scale <= 2; scale++) {
            int s = scale;
            multiPixels += multi.records().stream().filter(r -> r.scale() == s).count() * pixels(schedule.longSide(s - 1));
        }
        int sameCompute = (int) Math.ceil(multiPixels / fullSizePixels);
        assertThat(sameCompute).as("single scale ran long enough to compare").isLessThanOrEqualTo(single.records().size());
        double singleCost = single.records().get(sameCompute - 1).loss().total();
        double multiCost = multi.lastRecord().loss().total();
        System.out.printf("coarse to fine: %d iterations, worth %.1f full-size ones, cost %.5g; single scale after"
                + " %d iterations: cost %.5g%n", multi.records().size(), multiPixels / fullSizePixels, multiCost,
                sameCompute, singleCost);
        assertThat(multi.lastRecord().scale()).isEqualTo(2);
        assertThat(multi.last().image().longSide()).isEqualTo(longSide);
        assertThat(multiCost).isLessThan(singleCost);
    }

    private static double pixels(int longSide) throws Exception {
        RgbImage sized = ImageResizer.toLongSide(QualityRuns.dog(), longSide);
        return (double) sized.width() * sized.height();
    }
}
