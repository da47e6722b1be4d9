package app.atelier.engine;

import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;

/**
 * Whether a render still shows its photo, as one number: 1 = the photo itself, 0 = no more like
 * the photo than the most alike of some unrelated pictures (the painting and other photos). What
 * is compared is the photo's large shapes: the luma edges (Sobel magnitude) of both pictures
 * brought to a coarse size, where the painting's strokes have averaged out but the subject's
 * outlines, the horizon and the big masses remain, correlated position by position. A filter
 * over the photo scores near 1, a painting that lost the subject near or below 0.
 */
final class Recognisability {

    /** Long side of the coarse edge maps: strokes of a 512 px render are a few pixels wide there at most. */
    static final int COARSE_SIDE = 64;

    private final double[] photoEdges;
    private final int width;
    private final int height;
    private final double baseline;

    /**
     * @param photo     the content photo
     * @param unrelated pictures that do not show it (the painting, other photos), any size
     */
    Recognisability(RgbImage photo, List<RgbImage> unrelated) {
        RgbImage coarse = ImageResizer.toLongSide(photo, COARSE_SIDE);
        width = coarse.width();
        height = coarse.height();
        photoEdges = edges(coarse);
        baseline = unrelated.stream().mapToDouble(this::similarity).max().orElse(0);
    }

    /** The render's edge similarity to the photo, scaled so the photo scores 1 and the closest unrelated picture 0. */
    double score(RgbImage render) {
        return normalised(similarity(render), baseline);
    }

    /**
     * A similarity to the photo (1 for the photo itself) rescaled so that {@code baseline}, the
     * similarity of the closest unrelated picture, reads 0.
     */
    static double normalised(double similarity, double baseline) {
        return (similarity - baseline) / (1 - baseline);
    }

    /** Edge similarity of the closest unrelated picture, before scaling. */
    double baseline() {
        return baseline;
    }

    /** Pearson correlation of the coarse edge maps; {@code image} is stretched to the photo's shape. */
    double similarity(RgbImage image) {
        return correlation(photoEdges, edges(ImageResizer.resize(image, width, height)));
    }

    private static double[] edges(RgbImage image) {
        int w = image.width();
        int h = image.height();
        double[] y = PaintingMeasures.luma(image);
        double[] magnitude = new double[w * h];
        for (int row = 1; row < h - 1; row++) {
            for (int col = 1; col < w - 1; col++) {
                int i = row * w + col;
                double gx = y[i - w + 1] + 2 * y[i + 1] + y[i + w + 1] - y[i - w - 1] - 2 * y[i - 1] - y[i + w - 1];
                double gy = y[i + w - 1] + 2 * y[i + w] + y[i + w + 1] - y[i - w - 1] - 2 * y[i - w] - y[i - w + 1];
                magnitude[i] = Math.sqrt(gx * gx + gy * gy);
            }
        }
        return magnitude;
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = mean(a);
        double meanB = mean(b);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - meanA;
            double db = b[i] - meanB;
            ab += da * db;
            aa += da * da;
            bb += db * db;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
