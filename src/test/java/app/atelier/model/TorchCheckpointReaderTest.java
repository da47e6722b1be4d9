package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads checkpoints written by real PyTorch (tools/make_test_pth.py) and compares every tensor
 * with the same values written by numpy.
 */
class TorchCheckpointReaderTest {

    private static final Path PWNED_MARKER = Path.of("/tmp/atelier-pth-pwned");

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(TorchCheckpointReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " missing; run tools/make_test_pth.py", e);
        }
    }

    /** The arrays of a numpy .npz (a zip of .npy files), read with the project's .npy reader. */
    static Map<String, NamedTensor> readNpz(Path npz) throws IOException {
        Map<String, NamedTensor> result = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replaceFirst("\\.npy$", "");
                result.put(name, NpyReader.read(zip.getInputStream(entry).readAllBytes(), name, entry.getName()));
            }
        }
        return result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny.pth", "tiny-legacy.pth", "tiny-2017.pth"})
    void stateDictMatchesNumpysCopy(String file) throws IOException {
        Map<String, NamedTensor> expected = readNpz(resource("tiny-expected.npz"));
        Map<String, NamedTensor> actual = TorchCheckpointReader.read(resource(file));

        assertThat(actual.keySet()).containsExactly(
                "features.0.weight", "features.0.bias", "features.2.weight", "features.2.bias",
                "features.5.weight", "features.5.bias", "classifier.0.weight", "classifier.0.bias");
        assertThat(actual.get("features.0.weight").shape()).containsExactly(4, 3, 3, 3);
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
        float[] first = actual.get("features.0.weight").data();
        assertThat(first).as("random initial weights, not zeros").isNotEqualTo(new float[first.length]);
    }

    @Test
    void offsetsStridesSharedStorageAndOtherFloatTypesAreHonoured() throws IOException {
        Map<String, NamedTensor> expected = readNpz(resource("views-expected.npz"));
        Map<String, NamedTensor> actual = TorchCheckpointReader.read(resource("views.pth"));
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String name : expected.keySet()) {
            assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
        }
        assertThat(actual.get("second_t").shape()).containsExactly(4, 3);
        assertThat(actual.get("scalar").shape()).isEmpty();
    }

    @Test
    void checkpointSavedFromTheGpuReadsLikeTheCpuOne() throws IOException {
        Path gpu = dir.resolve("gpu.pth");
        try (ZipFile zip = new ZipFile(resource("tiny.pth").toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(gpu))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith("data.pkl")) {
                    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                    String gpuText = text.replace("ctorch\nFloatStorage\n", "ctorch.cuda\nFloatStorage\n");
                    assertThat(gpuText).isNotEqualTo(text);
                    bytes = gpuText.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(TorchCheckpointReader.read(gpu)).isEqualTo(TorchCheckpointReader.read(resource("tiny.pth")));
    }

    @Test
    void onlyWantedTensorsAreRead() throws IOException {
        Map<String, NamedTensor> features = TorchCheckpointReader.read(resource("tiny-legacy.pth"),
                name -> name.startsWith("features."));
        assertThat(features).hasSize(6).doesNotContainKey("classifier.0.weight");
    }

    @Test
    void pickleCallingOsSystemIsRefusedAndNothingRuns() throws IOException {
        Files.deleteIfExists(PWNED_MARKER);
        assertThatThrownBy(() -> TorchCheckpointReader.read(resource("malicious.pth")))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("malicious.pth")
                .hasMessageContaining("'posix.system'")
                .hasMessageContaining("refused");
        assertThat(PWNED_MARKER).doesNotExist();
    }

    @Test
    void pickleCallingEvalIsRefused() throws IOException {
        Files.deleteIfExists(PWNED_MARKER);
        assertThatThrownBy(() -> TorchCheckpointReader.read(resource("malicious-eval.pth")))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("'__builtin__.eval'");
        assertThat(PWNED_MARKER).doesNotExist();
    }

    @Test
    void handWrittenPickleWithInstOpcodeIsRefused() throws IOException {
        // Protocol-0 INST creates an object of any class by name: "ios\nsystem\n".
        byte[] pickle = "(S'touch /tmp/atelier-pth-pwned'\nios\nsystem\n.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path file = dir.resolve("inst.pth");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("inst/data.pkl"));
            out.write(pickle);
            out.closeEntry();
        }
        assertThatThrownBy(() -> TorchCheckpointReader.read(file))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("refused");
        assertThat(PWNED_MARKER).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny.pth", "tiny-legacy.pth"})
    void truncatedCheckpointIsRejectedSayingSo(String name) throws IOException {
        byte[] whole = Files.readAllBytes(resource(name));
        Path cut = dir.resolve("cut-" + name);
        Files.write(cut, Arrays.copyOf(whole, whole.length * 2 / 3));
        assertThatThrownBy(() -> TorchCheckpointReader.read(cut))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(cut.getFileName().toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void otherFilesAreNotCheckpoints() throws IOException {
        Path text = dir.resolve("notes.pth");
        Files.writeString(text, "hello");
        assertThatThrownBy(() -> TorchCheckpointReader.read(text))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("not a PyTorch checkpoint");
    }
}
