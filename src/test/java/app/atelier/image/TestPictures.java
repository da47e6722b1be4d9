package app.atelier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Builds picture files in memory for the image tests. */
final class TestPictures {

    private TestPictures() {
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for " + image);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Four coloured quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right. */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean right = x >= width / 2;
                boolean bottom = y >= height / 2;
                int rgb = bottom ? (right ? 0xFFFF00 : 0x0000FF) : (right ? 0x00FF00 : 0xFF0000);
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    /**
     * A JPEG with an EXIF APP1 segment holding only IFD0's Orientation tag, inserted right after
     * the SOI marker. Built by hand so the test does not depend on an EXIF writer.
     */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4); // big-endian, "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);                                   // one IFD entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);       // value left-aligned in 4 bytes
        tiff.putInt(0);                                             // no next IFD
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int segmentLength = 2 + exifHeader.length + tiff.capacity();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + segmentLength);
        out.put(jpeg, 0, 2);                                        // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) segmentLength);
        out.put(exifHeader).put(tiff.array());
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** The PNG with its IHDR width and height replaced (and the chunk's CRC fixed). */
    static byte[] pngWithHeaderSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy);
        // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height.
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 4 + 13);
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return copy;
    }

    /** The JPEG with its SOF0 frame size replaced. */
    static byte[] jpegWithFrameSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i + 9 < copy.length; i++) {
            if ((copy[i] & 0xFF) == 0xFF && (copy[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer buffer = ByteBuffer.wrap(copy);
                buffer.putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return copy;
            }
        }
        throw new IllegalStateException("no SOF0 marker");
    }

    /** The JPEG with an Adobe APP14 segment (transform 0) after SOI, which marks 4 channels as CMYK. */
    static byte[] withAdobeCmykMarker(byte[] jpeg) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 16);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xEE).putShort((short) 14);
        out.put(new byte[] {'A', 'd', 'o', 'b', 'e'}).putShort((short) 100).putShort((short) 0).putShort((short) 0);
        out.put((byte) 0);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
