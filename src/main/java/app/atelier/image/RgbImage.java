package app.atelier.image;

import java.util.Objects;

/**
 * An 8-bit RGB picture held as packed {@code 0xFFRRGGBB} ints, row by row.
 *
 * <p>The packing is the one JavaFX's {@code PixelFormat.getIntArgbPreInstance()} and AWT's
 * {@code TYPE_INT_RGB} read directly, so a frame crosses from the engine to the screen or a file
 * without another conversion. Alpha is always opaque, which makes premultiplied and straight alpha
 * the same thing. Treat the array as immutable once the image is built.
 */
public record RgbImage(int width, int height, int[] argb) {

    public RgbImage {
        Objects.requireNonNull(argb, "argb");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (argb.length != width * height) {
            throw new IllegalArgumentException(
                    "expected " + width * height + " pixels for " + width + "x" + height + ", got " + argb.length);
        }
    }

    public int longSide() {
        return Math.max(width, height);
    }

    public int red(int x, int y) {
        return (argb[y * width + x] >> 16) & 0xFF;
    }

    public int green(int x, int y) {
        return (argb[y * width + x] >> 8) & 0xFF;
    }

    public int blue(int x, int y) {
        return argb[y * width + x] & 0xFF;
    }

    @Override
    public String toString() {
        return "RgbImage[" + width + "x" + height + "]";
    }
}
