package app.atelier.image;

import app.atelier.files.DurableFiles;
import app.atelier.files.TemporarySibling;
import app.atelier.files.WriteSteps;
import app.atelier.files.WriteSteps.Step;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Saves pictures as PNG with text metadata (the settings a render used), atomically: readers of
 * the target path see either the old file or the complete new one, never a half-written file.
 */
public final class PngWriter {

    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private PngWriter() {
    }

    /**
     * Writes {@code image} to {@code target}, replacing an existing regular file; a symbolic link,
     * folder, device or other special file there is refused, never written through or replaced.
     *
     * @param text key/value pairs stored as PNG text chunks (tEXt when the value is Latin-1, else
     *             UTF-8 iTXt); keys must be 1-79 printable Latin-1 characters
     * @throws IOException with a message for the user naming the file and the reason
     */
    public static void write(RgbImage image, Path target, Map<String, String> text) throws IOException {
        write(image, target, text, 0);
    }

    /**
     * {@link #write(RgbImage, Path, Map)} with the physical resolution in a pHYs chunk, so that
     * print dialogs size the picture right.
     *
     * @param dotsPerInch 0 for none
     */
    public static void write(RgbImage image, Path target, Map<String, String> text, int dotsPerInch)
            throws IOException {
        for (String key : text.keySet()) {
            requireValidKeyword(key);
        }
        writeAtomically(target, out -> encode(image, text, dotsPerInch, out));
    }

    /** Writes whatever {@code encoder} produces to {@code target} atomically; see {@link #write(RgbImage, Path, Map)}. */
    static void writeAtomically(Path target, Encoder encoder) throws IOException {
        writeAtomically(target, encoder, WriteSteps.NONE);
    }

    /** {@link #writeAtomically(Path, Encoder)} telling {@code steps} of each file-system step. */
    static void writeAtomically(Path target, Encoder encoder, WriteSteps steps) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException("Cannot write " + target + ": the folder " + folder + " does not exist");
        }
        requireRegularOrNew(target, absolute);
        // kill -9 (or a power cut) mid-write runs no cleanup: the next write of the picture tidies up.
        TemporarySibling.removeLeftovers(absolute);
        // Not Files.createTempFile: it makes the file readable by the owner only, and the move
        // would carry that over to the picture; a plain new file gets the usual permissions.
        Path temp = TemporarySibling.of(absolute);
        try {
            steps.before(Step.WRITE, temp);
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                encoder.encode(out);
            }
            DurableFiles.force(temp, steps);
            DurableFiles.moveIntoPlace(temp, absolute, steps);
            DurableFiles.syncFolder(folder, steps);
        } catch (IOException e) {
            throw failure(target, folder, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void requireRegularOrNew(Path target, Path absolute) throws IOException {
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String what = Files.isSymbolicLink(absolute) ? "a symbolic link"
                : Files.isDirectory(absolute) ? "a folder" : "a device or other special file";
        throw new IOException("Cannot write " + target + ": it is " + what
                + ", not a regular file; choose a new file name");
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // Only reached after the move failed, and that failure is what the user must see;
            // a leftover hidden .tmp file is harmless.
        }
    }

    /** Writes a picture's bytes to a stream. */
    @FunctionalInterface
    interface Encoder {
        void encode(OutputStream out) throws IOException;
    }

    private static void encode(RgbImage image, Map<String, String> text, int dotsPerInch, OutputStream out)
            throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // Not ImageIO.createImageOutputStream: its disk cache registers a JVM shutdown hook, which
        // fails while the JVM is shutting down, exactly when render saves after Ctrl-C.
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            var buffered = AwtImages.toBufferedImage(image);
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(buffered), writer.getDefaultWriteParam());
            addText(metadata, text);
            addResolution(metadata, dotsPerInch);
            writer.write(null, new IIOImage(buffered, null, metadata), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    private static void addResolution(IIOMetadata metadata, int dotsPerInch) throws IIOInvalidTreeException {
        if (dotsPerInch <= 0) {
            return;
        }
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        IIOMetadataNode physical = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dotsPerInch / 0.0254));
        physical.setAttribute("pixelsPerUnitXAxis", perMetre);
        physical.setAttribute("pixelsPerUnitYAxis", perMetre);
        physical.setAttribute("unitSpecifier", "meter");
        root.appendChild(physical);
        metadata.mergeTree(PNG_FORMAT, root);
    }

    private static void addText(IIOMetadata metadata, Map<String, String> text) throws IIOInvalidTreeException {
        if (text.isEmpty()) {
            return;
        }
        IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
        IIOMetadataNode tEXt = new IIOMetadataNode("tEXt");
        IIOMetadataNode iTXt = new IIOMetadataNode("iTXt");
        text.forEach((key, value) -> {
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", key);
                entry.setAttribute("value", value);
                tEXt.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", key);
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", value);
                iTXt.appendChild(entry);
            }
        });
        if (tEXt.hasChildNodes()) {
            root.appendChild(tEXt);
        }
        if (iTXt.hasChildNodes()) {
            root.appendChild(iTXt);
        }
        metadata.mergeTree(PNG_FORMAT, root);
    }

    private static void requireValidKeyword(String key) {
        boolean valid = !key.isEmpty() && key.length() <= 79 && key.equals(key.strip())
                && key.chars().allMatch(c -> (c >= 32 && c <= 126) || (c >= 161 && c <= 255));
        if (!valid) {
            throw new IllegalArgumentException("not a valid PNG text keyword: '" + key + "'");
        }
    }

    private static IOException failure(Path target, Path folder, IOException e) {
        String reason = e.getMessage();
        if (isDiskFull(e, folder)) {
            reason = "the disk is full; free some space or choose another folder";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied in " + folder;
        }
        return new IOException("Cannot write " + target + ": " + reason, e);
    }

    private static boolean isDiskFull(IOException e, Path folder) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("not enough space")) {
            return true;
        }
        try {
            return Files.getFileStore(folder).getUsableSpace() == 0;
        } catch (IOException ignored) {
            return false;
        }
    }
}
