package app.atelier.ui.images;

import app.atelier.image.RgbImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/** Conversions between {@link RgbImage} and JavaFX images, for thumbnails and pasted pictures. */
public final class FxImages {

    private FxImages() {
    }

    /** A new JavaFX image holding a copy of the pixels; for small, rarely changing pictures only. */
    public static Image toFxImage(RgbImage image) {
        WritableImage result = new WritableImage(image.width(), image.height());
        result.getPixelWriter().setPixels(0, 0, image.width(), image.height(),
                PixelFormat.getIntArgbPreInstance(), image.argb(), 0, image.width());
        return result;
    }

    /** The pixels of a JavaFX image; transparent areas are composited over white like the file loader does. */
    public static RgbImage fromFxImage(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = overWhite(argb[i]);
        }
        return new RgbImage(width, height, argb);
    }

    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 0xFF) {
            return argb;
        }
        int r = blend((argb >> 16) & 0xFF, a);
        int g = blend((argb >> 8) & 0xFF, a);
        int b = blend(argb & 0xFF, a);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }
}
