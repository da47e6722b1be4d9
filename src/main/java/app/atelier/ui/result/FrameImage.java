package app.atelier.ui.result;

import app.atelier.image.RgbImage;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One {@link PixelBuffer} and the {@link WritableImage} it backs, reused for every frame of the
 * same size: a frame only copies its pixels in and marks the buffer dirty. A new image per frame
 * would churn the heap and the texture cache and make the picture stutter. FX thread only.
 */
final class FrameImage {

    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    private int width;
    private int height;

    /** Shows {@code frame}; returns true when a new image had to be made (first frame or new size). */
    boolean show(RgbImage frame) {
        boolean resized = image == null || frame.width() != width || frame.height() != height;
        if (resized) {
            width = frame.width();
            height = frame.height();
            IntBuffer pixels = IntBuffer.allocate(width * height);
            buffer = new PixelBuffer<>(width, height, pixels, PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        }
        IntBuffer pixels = buffer.getBuffer();
        pixels.clear();
        // RgbImage pixels are opaque 0xFFRRGGBB, which is already premultiplied ARGB.
        pixels.put(frame.argb());
        pixels.rewind();
        buffer.updateBuffer(b -> null);
        return resized;
    }

    WritableImage image() {
        return image;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
