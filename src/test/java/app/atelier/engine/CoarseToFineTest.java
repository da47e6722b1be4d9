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
     * The budget is wall time, estimated robustly on a busy machine: the median time of an
     * iteration at each size times the iterations run there (plus one full-size iteration for
     * building the targets at the new size); single scale gets as many full-size iterations as
     * fit in the coarse-to-fine run's time, and the costs at the full size are compared.
     */
    @Test
    void reachesALowerCostThanSingleScaleInTheSameWallTime() throws Exception {
        int longSide = 96;
        QualityRuns.Run multi = QualityRuns.run(
                QualityRuns.spec(longSide, InitMode.NOISE, 14, RenderQuality.DEFAULT.withScales(2, 7)));
        // More iterations than the coarse-to-fine run's time allows, so the comparison is never cut short.
        QualityRuns.Run single = QualityRuns.run(QualityRuns.spec(longSide, InitMode.NOISE, 24, RenderQuality.DEFAULT));

        double fullSizeIteration = medianNanos(single.records());
        double multiTime = fullSizeIteration;
        for (int scale = 1; scale <= 2; scale++) {
            int s = scale;
            List<IterationRecord> atScale = multi.records().stream().filter(r -> r.scale() == s).toList();
            multiTime += atScale.size() * medianNanos(atScale);
        }
        int sameTime = (int) Math.ceil(multiTime / fullSizeIteration);
        assertThat(sameTime).as("single scale ran long enough to compare").isLessThanOrEqualTo(single.records().size());
        double singleCost = single.records().get(sameTime - 1).loss().total();
        double multiCost = multi.lastRecord().loss().total();
        System.out.printf("coarse to fine: %d iterations, about %.2f s, cost %.5g; single scale in that time:"
                + " %d iterations, cost %.5g%n", multi.records().size(), multiTime / 1e9, multiCost, sameTime, singleCost);
        assertThat(multi.lastRecord().scale()).isEqualTo(2);
        assertThat(multi.last().image().longSide()).isEqualTo(longSide);
        assertThat(multiCost).isLessThan(singleCost);
    }

    private static double medianNanos(List<IterationRecord> records) {
        long[] nanos = records.stream().mapToLong(IterationRecord::nanos).sorted().toArray();
        return nanos[nanos.length / 2];
    }
}
