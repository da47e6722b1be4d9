package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackboneCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void squeezenetEntryVerifiesTheSharedFilesByTheirHashes() {
        Path shared = TestData.squeezenet();
        CatalogueEntry entry = BackboneCatalogue.entry(BackboneKind.SQUEEZENET1_1);
        assertThat(entry.fileHashes()).hasSize(52);

        ModelStatus status = WeightsInspector.inspect(BackboneKind.SQUEEZENET1_1, shared, true);

        assertThat(status.state()).as(status.detail()).isEqualTo(ModelState.PRESENT);
        assertThat(status.detail()).contains("catalogue's hashes");
        assertThat(status.location()).contains(shared);
        assertThat(status.sizeBytes()).isGreaterThan(4_900_000);
    }

    @Test
    void aDamagedSqueezenetFileIsReportedCorruptByName() throws IOException {
        Path copy = dir.resolve("squeezenet1_1");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(TestData.squeezenet())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path victim = copy.resolve("squeezenet0_conv7_weight.npy");
        byte[] bytes = Files.readAllBytes(victim);
        bytes[bytes.length - 3] ^= 0x10;
        Files.write(victim, bytes);

        ModelStatus status = WeightsInspector.inspect(BackboneKind.SQUEEZENET1_1, copy, false);

        assertThat(status.state()).isEqualTo(ModelState.CORRUPT);
        assertThat(status.detail()).contains("squeezenet0_conv7_weight.npy");

        Files.delete(copy.resolve("squeezenet0_conv3_bias.npy"));
        assertThat(WeightsInspector.inspect(BackboneKind.SQUEEZENET1_1, copy, false).detail())
                .contains("squeezenet0_conv3_bias.npy is missing");
    }

    @Test
    void sharedSqueezenetShapesFitTheArchitecture() throws IOException {
        Path shared = TestData.squeezenet();
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String name : BackboneArchitecture.SQUEEZENET1_1.names()) {
            shapes.put(name, NpyReader.read(shared.resolve(name + ".npy")).shape());
        }
        assertThat(BackboneArchitecture.SQUEEZENET1_1.problems(shapes)).isEmpty();
        // The models README gives 1,235,496 parameters.
        assertThat(BackboneArchitecture.SQUEEZENET1_1.parameterCount()).isEqualTo(1_235_496L);
    }

    @ParameterizedTest
    @EnumSource(BackboneKind.class)
    void downloadsCheckTheHashPrefixInTorchvisionsFileName(BackboneKind kind) {
        CatalogueEntry entry = BackboneCatalogue.entry(kind);
        assertThat(entry.sources()).hasSize(1);
        String url = entry.sources().get(0).toString();
        assertThat(url).startsWith("https://");
        // torch.hub's check_hash takes the prefix from the file name with this pattern.
        Matcher prefix = Pattern.compile("-([a-f0-9]*)\\.").matcher(url.substring(url.lastIndexOf('/')));
        assertThat(prefix.find()).isTrue();
        assertThat(entry.sha256().orElseThrow()).startsWith(prefix.group(1)).hasSize(64);
        assertThat(entry.licence()).contains("BSD-3-Clause");
        assertThat(entry.taps()).isEqualTo(kind.taps());
    }

    @Test
    void downloadsAreCheckedAgainstTheWholePublishedHashAndSize() {
        // From several independent public listings of torchvision's files.
        CatalogueEntry vgg = BackboneCatalogue.entry(BackboneKind.VGG19);
        assertThat(vgg.sha256()).contains("dcbb9e9dad569fff7a846263a77324fc34978fea2bfb039c012d710e1776ae44");
        assertThat(vgg.downloadBytes()).isEqualTo(574_673_361L);
        CatalogueEntry squeezenet = BackboneCatalogue.entry(BackboneKind.SQUEEZENET1_1);
        assertThat(squeezenet.sha256()).contains("b8a52dc049b60e4b6ab68ad0df457362afab8b6304b2febdc1650a5dab4d7e7b");
        assertThat(squeezenet.downloadBytes()).isEqualTo(4_958_839L);
        assertThatThrownBy(() -> new CatalogueEntry(BackboneKind.VGG19, "", List.of(), 0, java.util.Optional.of("dcbb9e9d"),
                0, "", java.util.Map.of(), "")).hasMessageContaining("not a whole SHA-256");
    }

    @Test
    void vgg19KeepsTheSixteenConvolutionsUpToConv5_4() {
        BackboneArchitecture vgg = BackboneArchitecture.VGG19;
        assertThat(vgg.tensors()).hasSize(32);
        assertThat(vgg.tensors().get(0)).isEqualTo(new TensorSpec("features.0.weight", new long[] {64, 3, 3, 3}));
        assertThat(vgg.tensors().get(31)).isEqualTo(new TensorSpec("features.34.bias", new long[] {512}));
        assertThat(vgg.names()).contains("features.28.weight").doesNotContain("features.36.weight");
        // About 80 MB of float32, as the issue expects of the kept file.
        assertThat(vgg.parameterCount() * 4).isBetween(79_000_000L, 81_000_000L);
        assertThat(BackboneCatalogue.entries()).extracting(CatalogueEntry::kind)
                .containsExactlyInAnyOrderElementsOf(List.of(BackboneKind.values()));
    }
}
