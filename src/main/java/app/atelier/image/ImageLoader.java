package app.atelier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads JPEG and PNG pictures into {@link RgbImage}s: any pixel layout (grey, palette, 16-bit,
 * alpha composited over white, CMYK JPEG through TwelveMonkeys) becomes 8-bit RGB, and the EXIF
 * orientation is applied so the picture stands the way the camera showed it.
 *
 * <p>Every failure is an {@link ImageLoadException} whose message names the file and the reason.
 * What a file may cost is bounded ({@link DecodeLimits}): bytes read, pixels declared, pixels
 * kept; a picture above the decode budget is read subsampled, not refused.
 */
public final class ImageLoader {

    /** Pictures above this many pixels are refused before decoding (decompression bombs). */
    public static final long MAX_PIXELS = DecodeLimits.STANDARD.maxPixels();

    /** Files above this size are refused; the bytes read are counted, not the size the file reports. */
    public static final long MAX_FILE_BYTES = DecodeLimits.STANDARD.maxFileBytes();

    private static final System.Logger LOG = System.getLogger(ImageLoader.class.getName());

    private ImageLoader() {
    }

    public static RgbImage load(Path file) throws ImageLoadException {
        return load(file, DecodeLimits.STANDARD);
    }

    static RgbImage load(Path file, DecodeLimits limits) throws ImageLoadException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ImageLoadException("Cannot read " + name + ": it is a folder, not an image file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A device such as /dev/zero never ends and a pipe may not either.
            throw new ImageLoadException("Cannot read " + name
                    + ": it is not a regular file (a device, pipe or socket), not a picture");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            checkFileSize(name, Files.size(file), limits);
            bytes = readAtMost(in, limits);
        } catch (NoSuchFileException e) {
            throw new ImageLoadException("Cannot read " + name + ": the file does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ImageLoadException("Cannot read " + name + ": permission denied", e);
        } catch (IOException e) {
            throw new ImageLoadException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        checkFileSize(name, bytes.length, limits);
        return decode(bytes, name, limits);
    }

    /** @param name how to call the picture in error messages (a file name or URL) */
    public static RgbImage load(InputStream in, String name) throws ImageLoadException {
        byte[] bytes;
        try {
            bytes = readAtMost(in, DecodeLimits.STANDARD);
        } catch (IOException e) {
            throw new ImageLoadException("Cannot read " + name + ": " + e.getMessage(), e);
        }
        checkFileSize(name, bytes.length, DecodeLimits.STANDARD);
        return decode(bytes, name, DecodeLimits.STANDARD);
    }

    /** One byte more than allowed, so that a file above the cap is recognised without reading it all. */
    private static byte[] readAtMost(InputStream in, DecodeLimits limits) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    }

    private static void checkFileSize(String name, long size, DecodeLimits limits) throws ImageLoadException {
        if (size > limits.maxFileBytes()) {
            long cap = limits.maxFileBytes();
            throw new ImageLoadException("Cannot read " + name + ": the file is larger than "
                    + (cap >= 1024 * 1024 ? cap / (1024 * 1024) + " MB" : cap + " bytes") + ", the most Atelier accepts");
        }
    }

    private static RgbImage decode(byte[] bytes, String name, DecodeLimits limits) throws ImageLoadException {
        if (bytes.length == 0) {
            throw new ImageLoadException("Cannot read " + name + ": the file is empty");
        }
        BufferedImage image = decodePixels(bytes, name, limits);
        RgbImage rgb;
        try {
            rgb = AwtImages.fromBufferedImage(image);
        } catch (RuntimeException e) {
            throw new ImageLoadException("Cannot read " + name + ": unsupported pixel layout (" + e.getMessage() + ")", e);
        }
        return ExifOrientation.of(bytes).apply(rgb);
    }

    private static BufferedImage decodePixels(byte[] bytes, String name, DecodeLimits limits) throws ImageLoadException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = firstReader(stream, name);
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDimensions(name, width, height, limits);
                List<String> damage = new ArrayList<>();
                reader.addIIOReadWarningListener(damageCollector(damage));
                BufferedImage image = reader.read(0, subsampled(reader, width, height, limits, name));
                // The JPEG decoder fills a cut-off file with grey and only warns; a picture with
                // a grey band is not what the artist chose, so treat it as damaged.
                if (!damage.isEmpty()) {
                    throw new ImageLoadException("Cannot read " + name + ": the image data is damaged or cut off ("
                            + damage.get(0) + ")");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (EOFException e) {
            throw new ImageLoadException("Cannot read " + name + ": the file is cut off (truncated)", e);
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException("Cannot read " + name + ": the image data is damaged or cut off ("
                    + describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new ImageLoadException("Cannot read " + name + ": not enough memory to decode it", e);
        }
    }

    private static ImageReader firstReader(ImageInputStream stream, String name) throws ImageLoadException {
        if (stream == null) {
            throw new ImageLoadException("Cannot read " + name + ": no image decoder available");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            throw new ImageLoadException("Cannot read " + name + ": not a JPEG or PNG image (the content is not a recognised picture format)");
        }
        ImageReader reader = readers.next();
        String format;
        try {
            format = reader.getFormatName().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            format = "unknown";
        }
        if (!format.equals("jpeg") && !format.equals("jpg") && !format.equals("png")) {
            reader.dispose();
            throw new ImageLoadException("Cannot read " + name + ": " + format.toUpperCase(Locale.ROOT)
                    + " pictures are not supported; save it as JPEG or PNG");
        }
        return reader;
    }

    /**
     * Reading params that keep every n-th pixel when the picture is above the decode budget: the
     * decoders then hold a few rows at full size, never the whole picture.
     */
    private static ImageReadParam subsampled(ImageReader reader, int width, int height, DecodeLimits limits,
                                             String name) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = limits.subsampling(width, height);
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
            LOG.log(System.Logger.Level.INFO, "Decoding {0} ({1}x{2}) at 1/{3} of its size", name, width, height, step);
        }
        return param;
    }

    private static void checkDimensions(String name, int width, int height, DecodeLimits limits)
            throws ImageLoadException {
        if (width <= 0 || height <= 0) {
            throw new ImageLoadException("Cannot read " + name + ": the header gives an impossible size " + width + "x" + height);
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageLoadException(String.format(Locale.ROOT,
                    "Cannot read %s: it is %dx%d pixels (%.0f megapixels), above the limit of %d megapixels; scale it down first",
                    name, width, height, pixels / 1e6, limits.maxPixels() / 1_000_000));
        }
    }

    private static IIOReadWarningListener damageCollector(List<String> damage) {
        return (source, warning) -> {
            String text = warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("corrupt") || text.contains("truncat")) {
                damage.add(warning);
            } else {
                // e.g. "no embedded ICC profile": the picture is usable, the note is for diagnosis.
                LOG.log(System.Logger.Level.INFO, "Decoder note: {0}", warning);
            }
        };
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() == 0 ? e.getClass().getSimpleName() : text.toString();
    }
}
