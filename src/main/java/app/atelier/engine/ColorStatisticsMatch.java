package app.atelier.engine;

import app.atelier.image.RgbImage;

/**
 * Colour-histogram matching of a style image to the content before a run (Gatys et al.,
 * "Preserving Color in Neural Artistic Style Transfer"): an affine map of RGB that gives the
 * style the content's channel means and 3x3 covariance, x' = L_c · L_s⁻¹ · (x − μ_s) + μ_c with
 * L the Cholesky factors of the covariances. Values that fall outside [0, 255] are clamped.
 */
public final class ColorStatisticsMatch {

    /** Keeps the Cholesky factor of a flat (e.g. grey) picture's singular covariance invertible. */
    private static final double REGULARIZATION = 1e-3;

    private ColorStatisticsMatch() {
    }

    /** Channel means and covariance of a picture, in 0..255 units. */
    public record ColorStatistics(double[] mean, double[][] covariance) {

        public static ColorStatistics of(RgbImage image) {
            int[] argb = image.argb();
            double[] mean = new double[3];
            for (int pixel : argb) {
                for (int c = 0; c < 3; c++) {
                    mean[c] += channel(pixel, c);
                }
            }
            for (int c = 0; c < 3; c++) {
                mean[c] /= argb.length;
            }
            double[][] covariance = new double[3][3];
            for (int pixel : argb) {
                for (int a = 0; a < 3; a++) {
                    double da = channel(pixel, a) - mean[a];
                    for (int b = 0; b < 3; b++) {
                        covariance[a][b] += da * (channel(pixel, b) - mean[b]);
                    }
                }
            }
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    covariance[a][b] /= argb.length;
                }
            }
            return new ColorStatistics(mean, covariance);
        }
    }

    /** {@code style} with the colour mean and covariance of {@code content}. */
    public static RgbImage matchTo(RgbImage style, RgbImage content) {
        ColorStatistics from = ColorStatistics.of(style);
        ColorStatistics to = ColorStatistics.of(content);
        double[][] transform = multiply(cholesky(to.covariance()), invertLower(cholesky(from.covariance())));
        int[] out = new int[style.argb().length];
        double[] centred = new double[3];
        for (int i = 0; i < out.length; i++) {
            int pixel = style.argb()[i];
            for (int c = 0; c < 3; c++) {
                centred[c] = channel(pixel, c) - from.mean()[c];
            }
            int rgb = 0xFF000000;
            for (int c = 0; c < 3; c++) {
                double value = to.mean()[c];
                for (int k = 0; k < 3; k++) {
                    value += transform[c][k] * centred[k];
                }
                rgb |= (int) Math.max(0, Math.min(255, Math.round(value))) << (16 - 8 * c);
            }
            out[i] = rgb;
        }
        return new RgbImage(style.width(), style.height(), out);
    }

    private static double channel(int argb, int c) {
        return (argb >> (16 - 8 * c)) & 0xFF;
    }

    private static double[][] cholesky(double[][] matrix) {
        double[][] lower = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j] + (i == j ? REGULARIZATION : 0);
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = i == j ? Math.sqrt(Math.max(sum, REGULARIZATION)) : sum / lower[j][j];
            }
        }
        return lower;
    }

    private static double[][] invertLower(double[][] lower) {
        double[][] inverse = new double[3][3];
        for (int col = 0; col < 3; col++) {
            for (int i = 0; i < 3; i++) {
                double sum = i == col ? 1 : 0;
                for (int k = 0; k < i; k++) {
                    sum -= lower[i][k] * inverse[k][col];
                }
                inverse[i][col] = sum / lower[i][i];
            }
        }
        return inverse;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    product[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return product;
    }
}
