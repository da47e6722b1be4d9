package app.atelier.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a NumPy {@code .npz} (a zip of {@code .npy} files) as one stream, so it works the same on a
 * file and on an entry inside Atelier's jar (no seeking, nothing extracted to disk).
 */
public final class NpzReader {

    /** Far above SqueezeNet's largest array (2 MB); bounds what a damaged or hostile archive can make us hold. */
    private static final int MAX_ENTRY_BYTES = 64 * 1024 * 1024;
    private static final int MAX_ENTRIES = 1024;

    private NpzReader() {
    }

    /** The archive's files by entry name ({@code squeezenet0_conv0_weight.npy}), bytes as stored in the .npy. */
    public static Map<String, byte[]> entries(Path npz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(npz))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new WeightsFormatException(npz + ": more than " + MAX_ENTRIES + " arrays");
                }
                if (entries.put(entry.getName(), readBounded(zip, npz, entry.getName())) != null) {
                    throw new WeightsFormatException(npz + ": the array " + entry.getName() + " appears twice");
                }
            }
        }
        if (entries.isEmpty()) {
            throw new WeightsFormatException(npz + ": not an .npz archive (no arrays found)");
        }
        return entries;
    }

    /** The archive's arrays by name without {@code .npy}. */
    public static Map<String, NamedTensor> readAll(Path npz) throws IOException {
        Map<String, NamedTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries(npz).entrySet()) {
            String file = entry.getKey();
            String name = file.endsWith(".npy") ? file.substring(0, file.length() - 4) : file;
            tensors.put(name, NpyReader.read(entry.getValue(), name, npz + "!" + file));
        }
        return tensors;
    }

    private static byte[] readBounded(InputStream in, Path npz, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = in.read(buffer)) > 0; ) {
            if (out.size() + read > MAX_ENTRY_BYTES) {
                throw new WeightsFormatException(npz + "!" + name + ": larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
