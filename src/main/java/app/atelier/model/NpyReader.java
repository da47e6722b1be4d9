package app.atelier.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1, 2 and 3) holding little-endian float32
 * ({@code '<f4'}) arrays in C order, which is how the SqueezeNet weights are shipped.
 * Anything else is rejected with a message that names the file and what it holds instead.
 */
public final class NpyReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** SqueezeNet's largest .npy is about 2 MB; anything this big is not one of its files. */
    private static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    private NpyReader() {
    }

    /** Reads {@code file}; the tensor is named after the file without its .npy suffix. */
    public static NamedTensor read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".npy") ? fileName.substring(0, fileName.length() - 4) : fileName;
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read with a cap, not by the size the file system reports (0 for a device, a pipe).
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new WeightsFormatException(file + ": too large for a weights .npy file (more than "
                    + MAX_FILE_BYTES / (1024 * 1024) + " MiB; SqueezeNet's largest is 2 MB)");
        }
        return read(bytes, name, file.toString());
    }

    /** @param source how to call the data in error messages */
    public static NamedTensor read(byte[] bytes, String name, String source) throws WeightsFormatException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10) {
            throw new WeightsFormatException(source + ": too short to be a .npy file (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new WeightsFormatException(source + ": not a NumPy .npy file (bad magic bytes)");
            }
        }
        int major = bytes[6] & 0xFF;
        long headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = buffer.getShort(8) & 0xFFFF;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new WeightsFormatException(source + ": truncated .npy header");
            }
            headerLength = buffer.getInt(8) & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw new WeightsFormatException(source + ": unsupported .npy format version " + major
                    + "." + (bytes[7] & 0xFF) + " (1.0, 2.0 and 3.0 are supported)");
        }
        if (headerStart + headerLength > bytes.length) {
            throw new WeightsFormatException(source + ": truncated .npy header");
        }
        String header = new String(bytes, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, "descr", source);
        if (!descr.equals("<f4")) {
            throw new WeightsFormatException(source + ": holds dtype '" + descr
                    + "'; only little-endian float32 ('<f4') is supported");
        }
        if (group(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new WeightsFormatException(source + ": is in Fortran order; only C order is supported");
        }
        long[] shape = parseShape(group(SHAPE, header, "shape", source), source);
        long count;
        try {
            count = NamedTensor.elementCount(shape);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new WeightsFormatException(source + ": invalid shape in header: " + header.trim());
        }
        long dataStart = headerStart + headerLength;
        long available = bytes.length - dataStart;
        if (count > Integer.MAX_VALUE / Float.BYTES) {
            // Checked before multiplying: count * 4 can wrap to a small or negative number.
            throw new WeightsFormatException(source + ": too large: the header promises " + count
                    + " float32 values, more than a weights file can hold");
        }
        if (available < count * Float.BYTES) {
            throw new WeightsFormatException(source + ": truncated: the header promises " + count
                    + " float32 values (" + count * Float.BYTES + " bytes) but only " + available + " bytes follow");
        }
        float[] data = new float[(int) count];
        buffer.position((int) dataStart);
        buffer.asFloatBuffer().get(data);
        return new NamedTensor(name, shape, data);
    }

    private static String group(Pattern pattern, String header, String key, String source)
            throws WeightsFormatException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new WeightsFormatException(source + ": .npy header has no readable '" + key + "': " + header.trim());
        }
        return matcher.group(1);
    }

    private static long[] parseShape(String text, String source) throws WeightsFormatException {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return new long[0];
        }
        String[] parts = trimmed.split(",");
        int count = parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        long[] shape = new long[count];
        for (int i = 0; i < count; i++) {
            try {
                shape[i] = Long.parseLong(parts[i].trim().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new WeightsFormatException(source + ": unreadable shape (" + text + ") in .npy header");
            }
        }
        return shape;
    }
}
