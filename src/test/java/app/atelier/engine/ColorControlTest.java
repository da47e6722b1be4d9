package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import org.junit.jupiter.api.Test;

class ColorControlTest {

    @Test
    void withOriginalColorsTheOutputHasTheContentsChroma() throws Exception {
        int longSide = 80;
        QualityRuns.Run run = QualityRuns.run(QualityRuns.spec(longSide, InitMode.CONTENT, 5,
                RenderQuality.DEFAULT.withOriginalColors(true).withMatchHistogram(false)));
        RgbImage content = ImageResizer.toLongSide(QualityRuns.dog(), longSide);
        RgbImage output = run.last().image();
        double[] chroma = chromaDifference(output, content);
        System.out.printf("original colours: mean |ΔCb,ΔCr| %.3f, max %.3f (0..255)%n", chroma[0], chroma[1]);
        assertThat(chroma[0]).isLessThan(1.0);

        // Without the option the style's colours come through: the check above can fail.
        QualityRuns.Run plain = QualityRuns.run(QualityRuns.spec(longSide, InitMode.CONTENT, 5, RenderQuality.DEFAULT));
        double[] plainChroma = chromaDifference(plain.last().image(), content);
        System.out.printf("full colour: mean |ΔCb,ΔCr| %.3f%n", plainChroma[0]);
        assertThat(plainChroma[0]).isGreaterThan(3 * chroma[0] + 1);
        // The luminance is still the transferred picture's, not the content's.
        assertThat(meanLumaDifference(output, plain.last().image())).isLessThan(1.5);
    }

    @Test
    void originalColorsOfAPictureWithItselfChangeNothing() throws Exception {
        RgbImage dog = ImageResizer.toLongSide(QualityRuns.dog(), 64);
        RgbImage same = OriginalColors.apply(dog, dog);
        assertThat(chromaDifference(same, dog)[0]).isLessThan(0.6);
        assertThat(meanLumaDifference(same, dog)).isLessThan(0.6);
    }

    @Test
    void histogramMatchGivesTheStyleTheContentsColourMeanAndCovariance() throws Exception {
        RgbImage content = QualityRuns.dog();
        RgbImage style = QualityRuns.scream();
        RgbImage matched = ColorStatisticsMatch.matchTo(style, content);
        var want = ColorStatisticsMatch.ColorStatistics.of(content);
        var got = ColorStatisticsMatch.ColorStatistics.of(matched);
        var before = ColorStatisticsMatch.ColorStatistics.of(style);
        double scale = Math.max(want.covariance()[0][0], Math.max(want.covariance()[1][1], want.covariance()[2][2]));
        double largestBefore = 0;
        for (int a = 0; a < 3; a++) {
            assertThat(got.mean()[a]).as("mean of channel %d", a).isCloseTo(want.mean()[a], within(2.0));
            for (int b = 0; b < 3; b++) {
                assertThat(got.covariance()[a][b]).as("covariance %d,%d", a, b)
                        .isCloseTo(want.covariance()[a][b], within(0.04 * scale));
                largestBefore = Math.max(largestBefore, Math.abs(before.covariance()[a][b] - want.covariance()[a][b]));
            }
        }
        // The two pictures' statistics differed to begin with, so the match did something.
        assertThat(largestBefore).isGreaterThan(0.1 * scale);
        assertThat(matched.width()).isEqualTo(style.width());
    }

    /** Mean and max of |ΔCb| + |ΔCr| / 2 over the pixels. */
    static double[] chromaDifference(RgbImage a, RgbImage b) {
        double sum = 0;
        double max = 0;
        for (int i = 0; i < a.argb().length; i++) {
            double d = (Math.abs(OriginalColors.chromaBlue(a.argb()[i]) - OriginalColors.chromaBlue(b.argb()[i]))
                    + Math.abs(OriginalColors.chromaRed(a.argb()[i]) - OriginalColors.chromaRed(b.argb()[i]))) / 2;
            sum += d;
            max = Math.max(max, d);
        }
        return new double[] {sum / a.argb().length, max};
    }

    static double meanLumaDifference(RgbImage a, RgbImage b) {
        double sum = 0;
        for (int i = 0; i < a.argb().length; i++) {
            sum += Math.abs(OriginalColors.luma(a.argb()[i]) - OriginalColors.luma(b.argb()[i]));
        }
        return sum / a.argb().length;
    }
}
