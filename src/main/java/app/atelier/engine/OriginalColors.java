package app.atelier.engine;

import app.atelier.image.RgbImage;

/**
 * Luminance-only transfer, as neural-style's {@code -original_colors}: the result keeps the
 * generated picture's luma Y and takes the chroma (Cb, Cr) of the content, in full-range
 * BT.601 YCbCr (the JPEG convention).
 */
public final class OriginalColors {

    private OriginalColors() {
    }

    /** {@code generated}'s luminance with {@code content}'s colours; both must have the same size. */
    public static RgbImage apply(RgbImage generated, RgbImage content) {
        if (generated.width() != content.width() || generated.height() != content.height()) {
            throw new IllegalArgumentException("pictures differ in size: " + generated.width() + "x"
                    + generated.height() + " vs " + content.width() + "x" + content.height());
        }
        int[] out = new int[generated.argb().length];
        for (int i = 0; i < out.length; i++) {
            int g = generated.argb()[i];
            int c = content.argb()[i];
            double y = luma(g);
            double cb = chromaBlue(c);
            double cr = chromaRed(c);
            int r = channel(y + 1.402 * cr);
            int green = channel(y - 0.344136 * cb - 0.714136 * cr);
            int b = channel(y + 1.772 * cb);
            out[i] = 0xFF000000 | (r << 16) | (green << 8) | b;
        }
        return new RgbImage(generated.width(), generated.height(), out);
    }

    static double luma(int argb) {
        return 0.299 * red(argb) + 0.587 * green(argb) + 0.114 * blue(argb);
    }

    /** Cb, centred on 0 (not 128). */
    static double chromaBlue(int argb) {
        return -0.168736 * red(argb) - 0.331264 * green(argb) + 0.5 * blue(argb);
    }

    /** Cr, centred on 0 (not 128). */
    static double chromaRed(int argb) {
        return 0.5 * red(argb) - 0.418688 * green(argb) - 0.081312 * blue(argb);
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    private static int green(int argb) {
        return (argb >> 8) & 0xFF;
    }

    private static int blue(int argb) {
        return argb & 0xFF;
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
