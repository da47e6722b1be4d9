package app.atelier.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

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

    /**
     * Any BufferedImage (grey, palette, 16-bit, alpha, other colour spaces) as opaque 8-bit RGB;
     * alpha is composited over white.
     *
     * <p>Grey and RGB sample values are taken as they are stored. ImageIO tags grey PNGs with a
     * linear-gamma colour space although PNG grey is display-encoded like RGB, so converting
     * through AWT's colour model would lighten every grey picture.
     */
    public static RgbImage fromBufferedImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = new int[width * height];
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            image.getRGB(0, 0, width, height, argb, 0, width);
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xFF000000;
            }
        } else if (cm instanceof IndexColorModel palette) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    argb[y * width + x] = overWhite(palette.getRGB(raster.getSample(x, y, 0)));
                }
            }
        } else if (cm instanceof ComponentColorModel && isIntegral(raster) && isGreyOrRgb(cm.getColorSpace())) {
            readComponents(cm, raster, argb);
        } else {
            // Packed ints and other colour spaces (e.g. CMYK): AWT converts to sRGB, straight alpha.
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    argb[y * width + x] = overWhite(image.getRGB(x, y));
                }
            }
        }
        return new RgbImage(width, height, argb);
    }

    private static boolean isIntegral(Raster raster) {
        int type = raster.getDataBuffer().getDataType();
        return type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT || type == DataBuffer.TYPE_INT;
    }

    private static boolean isGreyOrRgb(ColorSpace space) {
        return space.getType() == ColorSpace.TYPE_GRAY || space.getType() == ColorSpace.TYPE_RGB;
    }

    private static void readComponents(ColorModel cm, Raster raster, int[] argb) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int colours = cm.getNumColorComponents();
        boolean alpha = cm.hasAlpha();
        boolean premultiplied = cm.isAlphaPremultiplied();
        double[] max = new double[cm.getNumComponents()];
        for (int b = 0; b < max.length; b++) {
            max[b] = (1L << cm.getComponentSize(b)) - 1;
        }
        int[] samples = new int[cm.getNumComponents()];
        double[] rgb = new double[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.getPixel(x + raster.getMinX(), y + raster.getMinY(), samples);
                for (int c = 0; c < 3; c++) {
                    int band = colours == 1 ? 0 : c;
                    rgb[c] = (samples[band] & 0xFFFFFFFFL) / max[band];
                }
                double a = alpha ? samples[colours] / max[colours] : 1.0;
                int packed = 0xFF000000;
                for (int c = 0; c < 3; c++) {
                    double shown = premultiplied ? rgb[c] + (1 - a) : rgb[c] * a + (1 - a);
                    int v = (int) Math.round(Math.min(1.0, Math.max(0.0, shown)) * 255);
                    packed |= v << (16 - 8 * c);
                }
                argb[y * width + x] = packed;
            }
        }
    }

    /** A straight-alpha ARGB pixel composited over white, opaque. */
    private static int overWhite(int pixel) {
        int a = pixel >>> 24;
        if (a == 0xFF) {
            return pixel;
        }
        int r = blend((pixel >> 16) & 0xFF, a);
        int g = blend((pixel >> 8) & 0xFF, a);
        int b = blend(pixel & 0xFF, a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
