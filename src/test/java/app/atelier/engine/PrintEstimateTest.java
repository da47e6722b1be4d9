package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * The estimate reproduces the rows it was fitted to (docs/quality.md, bench --mode print: a 1024
 * px working render of 20 iterations, then 512 px tiles at 10 steps): the time, and the memory as
 * an upper envelope that meets the 6000 px row; and it moves the right way.
 */
class PrintEstimateTest {

    private static final PrintPass.Settings BENCH = new PrintPass.Settings(512, 64, 10, 1);

    @Test
    void reproducesTheBenchRowsAt2048And4096() {
        PrintEstimate at2048 = PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 2048, 1536, BENCH, 1024, 20);
        PrintEstimate at4096 = PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 4096, 3072, BENCH, 1024, 20);
        assertThat(at2048.tiles()).isEqualTo(20);
        assertThat(at4096.tiles()).isEqualTo(63);
        double working = 20 * 1024 * 768 / 1e6 * PrintEstimate.SQUEEZENET_SECONDS_PER_MEGAPIXEL_STEP;
        assertThat(at2048.seconds() - working).as("the pass: 35.4 s measured").isCloseTo(35.4, withPercentage(5));
        assertThat(at4096.seconds() - working).as("the pass: 112.7 s measured").isCloseTo(112.7, withPercentage(5));
        assertThat(at2048.peakBytes() / 1e6).as("1,166 MB measured: an upper envelope").isBetween(1166.0, 1.5 * 1166);
        assertThat(at4096.peakBytes() / 1e6).as("1,255 MB measured: an upper envelope").isBetween(1255.0, 1.5 * 1255);
        PrintEstimate at6000 = PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 6000, 4500, BENCH, 1024, 20);
        assertThat(at6000.tiles()).isEqualTo(140);
        assertThat(at6000.peakBytes() / 1e6).as("2,414 MB measured").isCloseTo(2414, withPercentage(5));
    }

    @Test
    void timeFollowsTilesAndStepsWhileMemoryHardlyMovesWithThePrint() {
        PrintPass.Settings defaults = PrintPass.Settings.DEFAULT;
        PrintEstimate small = PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 2048, 1536, defaults, 512, 0);
        PrintEstimate large = PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 6000, 4500, defaults, 512, 0);
        PrintEstimate vgg = PrintEstimate.of(BackboneKind.VGG19, 6000, 4500, defaults, 512, 0);
        PrintEstimate twoSweeps = PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 6000, 4500,
                PrintPass.Settings.of(512, 40, 2), 512, 0);
        assertThat(large.seconds() / small.seconds()).isCloseTo((double) large.tiles() / small.tiles(), withPercentage(1));
        assertThat(twoSweeps.seconds()).isGreaterThan(1.5 * large.seconds());
        assertThat(vgg.seconds()).isGreaterThan(large.seconds());
        assertThat(vgg.peakBytes()).isGreaterThan(large.peakBytes());
        assertThat(large.peakBytes() - small.peakBytes()).as("only the print's own pixels")
                .isLessThan(1_500_000_000L);
        assertThat(large.peakBytes()).as("the issue's target at 6000 px").isLessThan(2_500_000_000L);
        assertThat(PrintEstimate.of(BackboneKind.SQUEEZENET1_1, 2048, 1536, defaults, 512, 300).seconds())
                .as("a working render still to make adds its time").isGreaterThan(small.seconds());
    }
}
