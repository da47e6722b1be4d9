package app.atelier.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .safetensors} files (an 8-byte little-endian header length, a JSON header, then
 * raw little-endian tensor bytes). The header is read and checked on open; tensors are read one
 * at a time on request, so a 550 MB VGG19 file never sits in memory twice. F32, F16, BF16 and F64
 * tensors are returned as float32.
 */
public final class SafetensorsReader implements AutoCloseable {

    /** Bigger headers are surely damage, not a real file (real ones are kilobytes). */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    /** Where one tensor lies in the file. */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {
        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;
    private final Map<String, String> metadata;

    private SafetensorsReader(Path file, FileChannel channel, long dataStart,
                              Map<String, Entry> entries, Map<String, String> metadata) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
        this.metadata = metadata;
    }

    /** Opens {@code file} and validates its header; the caller closes the reader. */
    public static SafetensorsReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return parse(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads every tensor of {@code file}, in header order. */
    public static Map<String, NamedTensor> readAll(Path file) throws IOException {
        try (SafetensorsReader reader = open(file)) {
            Map<String, NamedTensor> result = new LinkedHashMap<>();
            for (String name : reader.names()) {
                result.put(name, reader.read(name));
            }
            return result;
        }
    }

    private static SafetensorsReader parse(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new WeightsFormatException(file + ": too short to be a .safetensors file (" + size + " bytes)");
        }
        ByteBuffer lengthBytes = readFully(channel, 0, 8, file).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
            throw new WeightsFormatException(file + ": not a .safetensors file or truncated: header length "
                    + Long.toUnsignedString(headerLength) + " does not fit a file of " + size + " bytes");
        }
        ByteBuffer headerBytes = readFully(channel, 8, (int) headerLength, file);
        String headerText = StandardCharsets.UTF_8.decode(headerBytes).toString();
        JsonObject header;
        try {
            JsonElement parsed = JsonParser.parseString(headerText);
            if (!parsed.isJsonObject()) {
                throw new WeightsFormatException(file + ": .safetensors header is not a JSON object");
            }
            header = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new WeightsFormatException(file + ": .safetensors header is not valid JSON: " + e.getMessage(), e);
        }
        long dataStart = 8 + headerLength;
        long dataLength = size - dataStart;
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> member : header.entrySet()) {
            String name = member.getKey();
            if (name.equals("__metadata__")) {
                if (member.getValue().isJsonObject()) {
                    member.getValue().getAsJsonObject().entrySet().forEach(m ->
                            metadata.put(m.getKey(), m.getValue().isJsonPrimitive()
                                    ? m.getValue().getAsString() : m.getValue().toString()));
                }
                continue;
            }
            entries.put(name, parseEntry(file, name, member.getValue(), dataLength));
        }
        checkContiguous(file, entries.values(), dataLength);
        return new SafetensorsReader(file, channel, dataStart,
                Collections.unmodifiableMap(entries), Collections.unmodifiableMap(metadata));
    }

    private static Entry parseEntry(Path file, String name, JsonElement element, long dataLength)
            throws WeightsFormatException {
        String where = file + ": tensor '" + name + "'";
        try {
            JsonObject object = element.getAsJsonObject();
            String dtype = object.get("dtype").getAsString();
            JsonArray shapeArray = object.getAsJsonArray("shape");
            long[] shape = new long[shapeArray.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeArray.get(i).getAsLong();
            }
            JsonArray offsets = object.getAsJsonArray("data_offsets");
            if (offsets.size() != 2) {
                throw new WeightsFormatException(where + " has " + offsets.size() + " data_offsets, expected 2");
            }
            long begin = offsets.get(0).getAsLong();
            long end = offsets.get(1).getAsLong();
            int width = bytesPerValue(dtype);
            if (width < 0) {
                throw new WeightsFormatException(where + " has dtype " + dtype + "; supported are F32, F16, BF16, F64");
            }
            long expected = Math.multiplyExact(NamedTensor.elementCount(shape), width);
            if (begin < 0 || end < begin || end - begin != expected) {
                throw new WeightsFormatException(where + " has data_offsets [" + begin + ", " + end
                        + "] but shape " + Arrays.toString(shape) + " of " + dtype + " needs " + expected + " bytes");
            }
            if (end > dataLength) {
                throw new WeightsFormatException(where + " ends at byte " + end + " but only " + dataLength
                        + " data bytes follow the header: the file is truncated");
            }
            return new Entry(name, dtype, shape, begin, end);
        } catch (RuntimeException e) {
            throw new WeightsFormatException(where + " has a malformed header entry: " + element, e);
        }
    }

    /**
     * The format requires the tensors' bytes to tile the data area exactly, in offset order.
     * Overlapping tensors would let a small file pass for a big one (many tensors on the same
     * bytes); gaps and trailing bytes hide data no tensor accounts for.
     */
    private static void checkContiguous(Path file, Collection<Entry> entries, long dataLength)
            throws WeightsFormatException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long expected = 0;
        String previous = null;
        for (Entry entry : byOffset) {
            if (entry.begin() < expected) {
                throw new WeightsFormatException(file + ": tensor '" + entry.name() + "' overlaps tensor '" + previous
                        + "' (data_offsets from " + entry.begin() + ", the other ends at " + expected
                        + "); a .safetensors file stores each tensor's bytes once");
            }
            if (entry.begin() > expected) {
                throw new WeightsFormatException(file + ": a gap of " + (entry.begin() - expected)
                        + " bytes before tensor '" + entry.name() + "'; a .safetensors file stores its tensors contiguously");
            }
            expected = entry.end();
            previous = entry.name();
        }
        if (expected != dataLength) {
            throw new WeightsFormatException(file + ": " + (dataLength - expected) + " bytes after the last tensor"
                    + " belong to none; not a well-formed .safetensors file");
        }
    }

    private static int bytesPerValue(String dtype) {
        return switch (dtype) {
            case "F32" -> 4;
            case "F16", "BF16" -> 2;
            case "F64" -> 8;
            default -> -1;
        };
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new EOFException(file + ": truncated at byte " + (position + buffer.position()));
            }
        }
        buffer.flip();
        return buffer;
    }

    public Path file() {
        return file;
    }

    /** Tensor names in header order. */
    public Set<String> names() {
        return entries.keySet();
    }

    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** Reads one tensor as float32; fails with a message naming it when it is absent. */
    public NamedTensor read(String name) throws IOException {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new WeightsFormatException(file + ": has no tensor '" + name + "'");
        }
        long byteCount = entry.end() - entry.begin();
        if (byteCount > Integer.MAX_VALUE) {
            throw new WeightsFormatException(file + ": tensor '" + name + "' is too large (" + byteCount + " bytes)");
        }
        ByteBuffer bytes = readFully(channel, dataStart + entry.begin(), (int) byteCount, file)
                .order(ByteOrder.LITTLE_ENDIAN);
        int count = (int) NamedTensor.elementCount(entry.shape);
        float[] data = new float[count];
        switch (entry.dtype()) {
            case "F32" -> bytes.asFloatBuffer().get(data);
            case "F64" -> {
                for (int i = 0; i < count; i++) {
                    data[i] = (float) bytes.getDouble(i * 8);
                }
            }
            case "F16" -> {
                for (int i = 0; i < count; i++) {
                    data[i] = halfToFloat(bytes.getShort(i * 2));
                }
            }
            case "BF16" -> {
                for (int i = 0; i < count; i++) {
                    data[i] = Float.intBitsToFloat((bytes.getShort(i * 2) & 0xFFFF) << 16);
                }
            }
            default -> throw new IllegalStateException("dtype checked on open: " + entry.dtype());
        }
        return new NamedTensor(name, entry.shape, data);
    }

    /** IEEE 754 binary16 to float32 (Float.float16ToFloat only exists from Java 20). */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
