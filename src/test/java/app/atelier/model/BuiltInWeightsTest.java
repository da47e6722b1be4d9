package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInWeightsTest {

    @TempDir
    Path dir;

    private static Path builtIn() {
        return BuiltInWeights.squeezenet().orElseThrow(() -> new AssertionError("the build lacks " + BuiltInWeights.RESOURCE));
    }

    @Test
    void theResourceHoldsTheSharedNpyFilesByteForByte() throws IOException {
        Path shared = TestData.squeezenet();
        Map<String, byte[]> entries = NpzReader.entries(builtIn());
        assertThat(entries.keySet()).containsExactlyElementsOf(
                BackboneArchitecture.SQUEEZENET1_1.names().stream().map(name -> name + ".npy").toList());
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(Files.readAllBytes(shared.resolve(entry.getKey())));
        }
    }

    @Test
    void theSearchPathEndsWithTheBuiltInCopyAndInstalledWeightsWin() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        WeightsSearchPath withBuiltIn = new WeightsSearchPath(List.of(empty), true);
        assertThat(withBuiltIn.find(BackboneKind.SQUEEZENET1_1)).contains(builtIn());
        assertThat(withBuiltIn.find(BackboneKind.VGG19)).isEmpty();
        assertThat(withBuiltIn.describe()).startsWith(empty.toString()).endsWith("then built-in (SqueezeNet 1.1 only)");
        assertThat(new WeightsSearchPath(List.of(empty)).find(BackboneKind.SQUEEZENET1_1)).isEmpty();

        Path installed = Files.createDirectories(dir.resolve("user").resolve("squeezenet1_1"));
        Files.write(installed.resolve(WeightsSearchPath.SQUEEZENET_MARKER), new byte[] {0});
        assertThat(new WeightsSearchPath(List.of(empty, dir.resolve("user")), true).find(BackboneKind.SQUEEZENET1_1))
                .contains(installed);
        assertThat(BuiltInWeights.isBuiltIn(installed)).isFalse();
        assertThat(BuiltInWeights.isBuiltIn(builtIn())).isTrue();
    }

    @Test
    void theStoreListsItAsBuiltInAndNeverRemovesIt() throws IOException {
        Path install = dir.resolve("install");
        ModelStore store = new ModelStore(new WeightsSearchPath(List.of(), true), install, new WeightsDownloader());
        ModelStatus status = store.verify(BackboneKind.SQUEEZENET1_1);
        assertThat(status.state()).isEqualTo(ModelState.PRESENT);
        assertThat(status.where()).isEqualTo("built-in (inside Atelier)");
        assertThat(status.detail()).contains("built into Atelier").contains("52 arrays match");
        assertThat(store.status(BackboneKind.VGG19).state()).isEqualTo(ModelState.MISSING);

        assertThatThrownBy(() -> store.remove(BackboneKind.SQUEEZENET1_1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("built into Atelier").hasMessageContaining("cannot be removed");
        assertThat(Files.size(builtIn())).isGreaterThan(4_000_000);
        assertThat(store.status(BackboneKind.SQUEEZENET1_1).usable()).isTrue();
    }

    @Test
    void aDamagedArchiveIsReportedCorruptNamingTheArray() throws IOException {
        Map<String, byte[]> entries = NpzReader.entries(builtIn());
        Path damaged = dir.resolve("damaged.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] bytes = entry.getValue().clone();
                if (entry.getKey().equals("squeezenet0_conv3_weight.npy")) {
                    bytes[bytes.length - 1] ^= 1;
                }
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        ModelStatus status = WeightsInspector.inspect(BackboneKind.SQUEEZENET1_1, damaged, true);
        assertThat(status.state()).isEqualTo(ModelState.CORRUPT);
        assertThat(status.detail()).contains("squeezenet0_conv3_weight.npy").contains(damaged.toString());
    }
}
