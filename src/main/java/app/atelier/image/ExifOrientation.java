package app.atelier.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * The EXIF orientation tag (1..8): how the stored pixels must be flipped and turned to show the
 * picture upright. Cameras store the sensor's rows and only record the turn, so ignoring it gives
 * sideways portraits.
 */
public enum ExifOrientation {
    NORMAL(1), MIRROR_HORIZONTAL(2), ROTATE_180(3), MIRROR_VERTICAL(4),
    TRANSPOSE(5), ROTATE_90_CW(6), TRANSVERSE(7), ROTATE_270_CW(8);

    private final int tagValue;

    ExifOrientation(int tagValue) {
        this.tagValue = tagValue;
    }

    public int tagValue() {
        return tagValue;
    }

    public static ExifOrientation fromTag(int value) {
        for (ExifOrientation o : values()) {
            if (o.tagValue == value) {
                return o;
            }
        }
        return NORMAL;
    }

    /** Reads the orientation from a JPEG/PNG file's bytes; NORMAL when absent or unreadable. */
    public static ExifOrientation of(byte[] fileBytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(fileBytes), fileBytes.length);
            for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    return fromTag(dir.getInt(ExifIFD0Directory.TAG_ORIENTATION));
                }
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // Damaged metadata must not stop a picture whose pixels decode fine: show it as stored.
        }
        return NORMAL;
    }

    /** Whether showing the picture swaps its width and height. */
    public boolean swapsSides() {
        return tagValue >= 5;
    }

    /** The upright picture. */
    public RgbImage apply(RgbImage stored) {
        if (this == NORMAL) {
            return stored;
        }
        int w = stored.width();
        int h = stored.height();
        int outW = swapsSides() ? h : w;
        int outH = swapsSides() ? w : h;
        int[] src = stored.argb();
        int[] out = new int[src.length];
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                int sx;
                int sy;
                switch (this) {
                    case MIRROR_HORIZONTAL -> { sx = w - 1 - x; sy = y; }
                    case ROTATE_180 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case MIRROR_VERTICAL -> { sx = x; sy = h - 1 - y; }
                    case TRANSPOSE -> { sx = y; sy = x; }
                    case ROTATE_90_CW -> { sx = y; sy = h - 1 - x; }
                    case TRANSVERSE -> { sx = w - 1 - y; sy = h - 1 - x; }
                    case ROTATE_270_CW -> { sx = w - 1 - y; sy = x; }
                    default -> { sx = x; sy = y; }
                }
                out[y * outW + x] = src[sy * w + sx];
            }
        }
        return new RgbImage(outW, outH, out);
    }
}
