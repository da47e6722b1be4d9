package app.atelier.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Resizes pictures with good quality: repeated halving before a final bilinear step avoids aliasing. */
public final class ImageResizer {

    private ImageResizer() {
    }

    /** Scales so that the longer side is {@code longSide} px, keeping the aspect ratio. */
    public static RgbImage toLongSide(RgbImage image, int longSide) {
        if (longSide <= 0) {
            throw new IllegalArgumentException("long side must be positive, got " + longSide);
        }
        double scale = (double) longSide / image.longSide();
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        if (image.width() >= image.height()) {
            width = longSide;
        } else {
            height = longSide;
        }
        return resize(image, width, height);
    }

    /** Scales to exactly {@code width} x {@code height}, stretching if the aspect ratio differs. */
    public static RgbImage resize(RgbImage image, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        if (width == image.width() && height == image.height()) {
            return image;
        }
        BufferedImage current = AwtImages.toBufferedImage(image);
        int w = current.getWidth();
        int h = current.getHeight();
        // Bilinear sampling only looks at 2x2 neighbours, so shrinking by more than half in one
        // step skips pixels and aliases; halving first keeps every source pixel in the average.
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h);
        }
        current = draw(current, width, height);
        return AwtImages.fromBufferedImage(current);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
