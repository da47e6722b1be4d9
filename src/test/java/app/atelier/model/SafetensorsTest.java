package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackFloat32Tensors() throws Exception {
        NamedTensor weight = new NamedTensor("features.0.weight", new long[] {2, 1, 1, 2}, new float[] {1, -2, 3.5f, 4});
        NamedTensor bias = new NamedTensor("features.0.bias", new long[] {2}, new float[] {0.25f, -0.5f});
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.write(file, List.of(weight, bias), Map.of("format", "pt"));

        Map<String, NamedTensor> read = SafetensorsReader.readAll(file);
        assertThat(read.keySet()).containsExactly("features.0.weight", "features.0.bias");
        assertThat(read.get("features.0.weight")).isEqualTo(weight);
        assertThat(read.get("features.0.bias")).isEqualTo(bias);
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            assertThat(reader.metadata()).containsEntry("format", "pt");
            assertThatThrownBy(() -> reader.read("features.9.weight")).hasMessageContaining("features.9.weight");
        }
    }

    @Test
    void readsHalfAndBfloat16() throws Exception {
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[4,6]}}";
        ByteBuffer data = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0xC500).putShort((short) 0x3FC0); // 1, -5, 1.5
        Path file = raw(header, data.array());
        Map<String, NamedTensor> read = SafetensorsReader.readAll(file);
        assertThat(read.get("h").data()).containsExactly(1f, -5f);
        assertThat(read.get("b").data()).containsExactly(1.5f);
    }

    @Test
    void rejectsTruncatedAndMalformedFiles() throws Exception {
        Path file = dir.resolve("w.safetensors");
        SafetensorsWriter.write(file, List.of(new NamedTensor("a", new long[] {4}, new float[] {1, 2, 3, 4})));
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.safetensors");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> SafetensorsReader.open(truncated).close())
                .hasMessageContaining("truncated").hasMessageContaining("'a'");

        assertThatThrownBy(() -> SafetensorsReader.open(raw("{not json", new byte[0])).close())
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SafetensorsReader.open(raw(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8])).close())
                .hasMessageContaining("'a'").hasMessageContaining("needs 12 bytes");
        assertThatThrownBy(() -> SafetensorsReader.open(raw(
                "{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8])).close())
                .hasMessageContaining("I64");
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsReader.open(tiny).close()).hasMessageContaining("too short");
        Path huge = dir.resolve("huge.safetensors");
        Files.write(huge, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        assertThatThrownBy(() -> SafetensorsReader.open(huge).close()).hasMessageContaining("header length");
    }

    @Test
    void overlappingOrScatteredTensorDataIsRefused() throws Exception {
        // Two tensors on the same 16 bytes: a 9 MB file could pass as an 80 MB VGG19.
        Path overlapping = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[16]);
        assertThatThrownBy(() -> SafetensorsReader.open(overlapping).close())
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(overlapping.getFileName().toString())
                .hasMessageContaining("overlap");
        Path gap = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}", new byte[12]);
        assertThatThrownBy(() -> SafetensorsReader.open(gap).close())
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("gap");
        Path trailing = raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8]);
        assertThatThrownBy(() -> SafetensorsReader.open(trailing).close())
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("4 bytes after");
        // Out of header order but contiguous is fine: the format orders by offset, not by key.
        Path reordered = raw("{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8]);
        assertThat(SafetensorsReader.readAll(reordered)).containsOnlyKeys("a", "b");
    }

    private Path raw(String header, byte[] data) throws Exception {
        byte[] text = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(8 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(text.length).put(text).put(data);
        Path file = Files.createTempFile(dir, "raw", ".safetensors");
        Files.write(file, buffer.array());
        return file;
    }
}
