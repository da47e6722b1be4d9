package app.atelier.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Conversions between {@link RgbImage} and AWT images. */
public final class AwtImages {

    private AwtImages() {
    }

    /** An RGB BufferedImage backed by a copy of the pixels. */
    public static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage result = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] target = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        System.arraycopy(image.argb(), 0, target, 0, target.length);
        return result;
    }

    /** Any BufferedImage (grey, palette, 16-bit, alpha) as opaque RGB; alpha is composited over white. */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            var g = rgb.createGraphics();
            try {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        int[] data = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | data[i];
        }
        return new RgbImage(width, height, argb);
    }
}
