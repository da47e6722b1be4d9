package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyReaderTest {

    private static byte[] npy(int major, String header, float... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] text = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer length = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            length.putShort((short) text.length);
        } else {
            length.putInt(text.length);
        }
        out.writeBytes(length.array());
        out.writeBytes(text);
        ByteBuffer data = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putFloat(v);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    @Test
    void readsVersionOneAndTwoFloat32() throws Exception {
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        for (int major : new int[] {1, 2}) {
            NamedTensor tensor = NpyReader.read(npy(major, header, 1, 2, 3, 4, 5, -6.5f), "t", "test");
            assertThat(tensor.shape()).containsExactly(2, 3);
            assertThat(tensor.data()).containsExactly(1, 2, 3, 4, 5, -6.5f);
        }
        NamedTensor vector = NpyReader.read(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 7, 8), "v", "test");
        assertThat(vector.shape()).containsExactly(2);
    }

    @Test
    void rejectsOtherDtypesOrderAndTruncation() {
        assertThatThrownBy(() -> NpyReader.read(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 1, 2), "t", "x.npy"))
                .hasMessageContaining("x.npy").hasMessageContaining("'<f8'");
        assertThatThrownBy(() -> NpyReader.read(npy(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", 1), "t", "x.npy"))
                .hasMessageContaining("Fortran");
        assertThatThrownBy(() -> NpyReader.read(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", 1, 2), "t", "x.npy"))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> NpyReader.read("not numpy at all".getBytes(StandardCharsets.UTF_8), "t", "x.npy"))
                .hasMessageContaining("not a NumPy");
    }

    @Test
    void shapesWhoseByteCountOverflowAreTooLargeNamingTheFile() {
        // 2^61 float32 values are 2^63 bytes: the byte count wraps to a negative long.
        assertThatThrownBy(() -> NpyReader.read(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2305843009213693952,), }"),
                "t", "huge.npy"))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("huge.npy")
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> NpyReader.read(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (4611686018427387904,), }"),
                "t", "wraps.npy"))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("wraps.npy")
                .hasMessageContaining("too large");
    }

    @Test
    void readsTheSharedSqueezeNetWeights() throws Exception {
        NamedTensor conv0 = NpyReader.read(TestData.squeezenet().resolve("squeezenet0_conv0_weight.npy"));
        assertThat(conv0.name()).isEqualTo("squeezenet0_conv0_weight");
        assertThat(conv0.shape()).containsExactly(64, 3, 3, 3);
        assertThat(Arrays.stream(toDoubles(conv0.data())).allMatch(Double::isFinite)).isTrue();
    }

    private static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
