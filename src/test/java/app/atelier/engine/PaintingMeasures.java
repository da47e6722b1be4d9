package app.atelier.engine;

import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;

/**
 * The numbers issue 11 judges a render by: how far its colours moved from the photo's to the
 * painting's, and how much of the photo's pixel structure is left.
 */
final class PaintingMeasures {

    private static final int BINS = 8;

    private PaintingMeasures() {
    }

    /**
     * Colour-histogram distance to the painting divided by the photo's own distance to it: 8×8×8 RGB
     * histograms (each summing to 1), symmetric chi-square Σ (a − b)² / (a + b). 1 = the photo's
     * palette, 0 = exactly the painting's.
     */
    static double colourRatio(RgbImage render, RgbImage photo, RgbImage painting) {
        double[] target = histogram(painting);
        return chiSquare(histogram(render), target) / chiSquare(histogram(photo), target);
    }

    static double[] histogram(RgbImage image) {
        double[] counts = new double[BINS * BINS * BINS];
        int shift = 8 - Integer.numberOfTrailingZeros(BINS);
        for (int argb : image.argb()) {
            int r = ((argb >> 16) & 0xFF) >> shift;
            int g = ((argb >> 8) & 0xFF) >> shift;
            int b = (argb & 0xFF) >> shift;
            counts[(r * BINS + g) * BINS + b]++;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] /= image.argb().length;
        }
        return counts;
    }

    static double chiSquare(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double total = a[i] + b[i];
            if (total > 0) {
                sum += (a[i] - b[i]) * (a[i] - b[i]) / total;
            }
        }
        return sum;
    }

    /**
     * Mean SSIM of the luma (BT.601) of {@code render} and {@code photo} (resized to the render's
     * size): 11×11 Gaussian window with σ 1.5, C1 = (0.01·255)², C2 = (0.03·255)², over the
     * positions where the whole window fits (Wang et al. 2004).
     */
    static double lumaSsim(RgbImage render, RgbImage photo) {
        RgbImage sized = ImageResizer.resize(photo, render.width(), render.height());
        int w = render.width();
        int h = render.height();
        double[] x = luma(render);
        double[] y = luma(sized);
        double[] kernel = gaussian(11, 1.5);
        double[] mx = blur(x, w, h, kernel);
        double[] my = blur(y, w, h, kernel);
        double[] xx = blur(product(x, x), w, h, kernel);
        double[] yy = blur(product(y, y), w, h, kernel);
        double[] xy = blur(product(x, y), w, h, kernel);
        double c1 = Math.pow(0.01 * 255, 2);
        double c2 = Math.pow(0.03 * 255, 2);
        int r = kernel.length / 2;
        double sum = 0;
        int count = 0;
        for (int row = r; row < h - r; row++) {
            for (int col = r; col < w - r; col++) {
                int i = row * w + col;
                double vx = xx[i] - mx[i] * mx[i];
                double vy = yy[i] - my[i] * my[i];
                double cov = xy[i] - mx[i] * my[i];
                sum += (2 * mx[i] * my[i] + c1) * (2 * cov + c2)
                        / ((mx[i] * mx[i] + my[i] * my[i] + c1) * (vx + vy + c2));
                count++;
            }
        }
        return sum / count;
    }

    static double[] luma(RgbImage image) {
        int[] argb = image.argb();
        double[] y = new double[argb.length];
        for (int i = 0; i < argb.length; i++) {
            y[i] = OriginalColors.luma(argb[i]);
        }
        return y;
    }

    private static double[] product(double[] a, double[] b) {
        double[] p = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            p[i] = a[i] * b[i];
        }
        return p;
    }

    private static double[] gaussian(int size, double sigma) {
        double[] k = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = i - size / 2;
            k[i] = Math.exp(-d * d / (2 * sigma * sigma));
            sum += k[i];
        }
        for (int i = 0; i < size; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Separable blur; values near the border are computed but not used by the caller. */
    private static double[] blur(double[] v, int w, int h, double[] k) {
        int r = k.length / 2;
        double[] horizontal = new double[v.length];
        for (int row = 0; row < h; row++) {
            for (int col = r; col < w - r; col++) {
                double s = 0;
                for (int j = -r; j <= r; j++) {
                    s += k[j + r] * v[row * w + col + j];
                }
                horizontal[row * w + col] = s;
            }
        }
        double[] out = new double[v.length];
        for (int row = r; row < h - r; row++) {
            for (int col = 0; col < w; col++) {
                double s = 0;
                for (int j = -r; j <= r; j++) {
                    s += k[j + r] * horizontal[(row + j) * w + col];
                }
                out[row * w + col] = s;
            }
        }
        return out;
    }
}
