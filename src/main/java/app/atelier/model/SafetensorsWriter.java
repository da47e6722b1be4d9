package app.atelier.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Writes float32 tensors as a {@code .safetensors} file (for importers and tests). */
public final class SafetensorsWriter {

    private SafetensorsWriter() {
    }

    public static void write(Path file, Collection<NamedTensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    public static void write(Path file, Collection<NamedTensor> tensors, Map<String, String> metadata)
            throws IOException {
        JsonObject header = new JsonObject();
        if (!metadata.isEmpty()) {
            JsonObject meta = new JsonObject();
            metadata.forEach(meta::addProperty);
            header.add("__metadata__", meta);
        }
        long offset = 0;
        for (NamedTensor tensor : tensors) {
            JsonObject entry = new JsonObject();
            entry.addProperty("dtype", "F32");
            JsonArray shape = new JsonArray();
            for (long dimension : tensor.shape()) {
                shape.add(dimension);
            }
            entry.add("shape", shape);
            JsonArray offsets = new JsonArray();
            long end = offset + (long) tensor.data().length * Float.BYTES;
            offsets.add(offset);
            offsets.add(end);
            entry.add("data_offsets", offsets);
            if (header.has(tensor.name())) {
                throw new IllegalArgumentException("duplicate tensor name " + tensor.name());
            }
            header.add(tensor.name(), entry);
            offset = end;
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        // The format lets readers map the data directly, which wants it 8-byte aligned.
        int padding = (8 - json.length % 8) % 8;
        byte[] headerBytes = new byte[json.length + padding];
        System.arraycopy(json, 0, headerBytes, 0, json.length);
        java.util.Arrays.fill(headerBytes, json.length, headerBytes.length, (byte) ' ');
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length);
            out.write(length.array());
            out.write(headerBytes);
            for (NamedTensor tensor : tensors) {
                float[] data = tensor.data();
                ByteBuffer bytes = ByteBuffer.allocate(data.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                bytes.asFloatBuffer().put(data);
                out.write(bytes.array());
            }
        }
    }
}
