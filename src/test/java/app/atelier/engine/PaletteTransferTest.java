package app.atelier.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The painting's palette on real pictures of the quality set. */
class PaletteTransferTest {

    private static RgbImage image(String name, int width, int height) throws Exception {
        return ImageResizer.resize(ImageLoader.load(TestData.image(name)), width, height);
    }

    @Test
    void aPhotoTakesThePaintingsJointColourDistributionAndKeepsItsShapes() throws Exception {
        RgbImage photo = image("dog.jpg", 384, 288);
        RgbImage painting = ImageLoader.load(TestData.image("udnie.jpg"));
        RgbImage finished = PaletteTransfer.of(List.of(painting), List.of(1.0)).apply(photo);

        double[] target = PaintingMeasures.histogram(painting);
        double before = PaintingMeasures.chiSquare(PaintingMeasures.histogram(photo), target);
        double after = PaintingMeasures.chiSquare(PaintingMeasures.histogram(finished), target);
        // Mean and covariance alone leave 0.70 of the photo's distance (docs/quality.md); the joint match far less.
        assertTrue(after < 0.2 * before, "chi-square to the painting " + before + " -> " + after);
        assertTrue(PaintingMeasures.lumaSsim(finished, photo) > 0.5, "the photo's shapes stay where they were");
        assertEquals(photo.width(), finished.width());
    }

    @Test
    void aPictureInThePaintingsOwnPaletteBarelyChanges() throws Exception {
        RgbImage painting = image("wave.jpg", 320, 180);
        RgbImage finished = PaletteTransfer.of(List.of(painting), List.of(1.0)).apply(painting);
        long total = 0;
        for (int i = 0; i < painting.argb().length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                total += Math.abs(((painting.argb()[i] >> shift) & 0xFF) - ((finished.argb()[i] >> shift) & 0xFF));
            }
        }
        double meanChange = total / (3.0 * painting.argb().length);
        assertTrue(meanChange < 3, "mean change in 0..255 units: " + meanChange);
    }

    @Test
    void blendedPaintingsGiveAPaletteBetweenThemAndTheSameInputGivesTheSamePixels() throws Exception {
        RgbImage photo = image("horses.jpg", 256, 170);
        RgbImage wave = ImageLoader.load(TestData.image("wave.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        RgbImage waveOnly = PaletteTransfer.of(List.of(wave, scream), List.of(1.0, 0.0)).apply(photo);
        RgbImage blended = PaletteTransfer.of(List.of(wave, scream), List.of(1.0, 1.0)).apply(photo);
        double[] waveHistogram = PaintingMeasures.histogram(wave);
        double toWaveOnly = PaintingMeasures.chiSquare(PaintingMeasures.histogram(waveOnly), waveHistogram);
        double toBlend = PaintingMeasures.chiSquare(PaintingMeasures.histogram(blended), waveHistogram);
        assertTrue(toWaveOnly < toBlend, "weight 0 leaves the scream out: " + toWaveOnly + " vs " + toBlend);
        assertArrayEquals(blended.argb(),
                PaletteTransfer.of(List.of(wave, scream), List.of(1.0, 1.0)).apply(photo).argb());
    }
}
