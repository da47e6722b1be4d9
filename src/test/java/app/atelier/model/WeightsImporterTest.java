package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import app.atelier.files.RecordedSteps;
import app.atelier.files.WriteSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeightsImporterTest {

    @TempDir
    Path dir;

    private Path models() throws IOException {
        return Files.createDirectories(dir.resolve("models"));
    }

    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The tiny network's convolutions, as VGG19's are described: what a kept file must hold. */
    private static final BackboneArchitecture TINY_FEATURES = new BackboneArchitecture("tiny VGG", List.of(
            new TensorSpec("features.0.weight", new long[] {4, 3, 3, 3}), new TensorSpec("features.0.bias", new long[] {4}),
            new TensorSpec("features.2.weight", new long[] {4, 4, 3, 3}), new TensorSpec("features.2.bias", new long[] {4}),
            new TensorSpec("features.5.weight", new long[] {8, 4, 3, 3}), new TensorSpec("features.5.bias", new long[] {8})));

    @ParameterizedTest
    @ValueSource(strings = {"tiny.pth", "tiny-legacy.pth", "tiny-2017.pth"})
    void realTorchvisionPthImportsKeepingOnlyTheConvolutions(String name) throws IOException {
        Path source = TorchCheckpointReaderTest.resource(name);
        Path target = models().resolve("tiny.safetensors");

        InstallFiles.installSafetensors(WeightsImporter.readKept(source, TINY_FEATURES), target, source,
                WriteSteps.NONE);

        Map<String, NamedTensor> kept = SafetensorsReader.readAll(target);
        Map<String, NamedTensor> expected = TorchCheckpointReaderTest.readNpz(TorchCheckpointReaderTest.resource("tiny-expected.npz"));
        assertThat(kept.keySet()).containsExactlyElementsOf(TINY_FEATURES.names());
        for (String tensor : kept.keySet()) {
            assertThat(kept.get(tensor)).as(tensor).isEqualTo(expected.get(tensor));
        }
        assertThat(listing(target.getParent())).containsExactly("tiny.safetensors", "tiny.safetensors.sha256");
        assertThat(Files.readString(target.resolveSibling("tiny.safetensors.sha256"))).startsWith(Sha256.of(target));
    }

    @Test
    void wrongShapesAreRejectedNamingTheTensorAndNothingIsInstalled() throws IOException {
        Path models = models();
        assertThatThrownBy(() -> WeightsImporter.importInto(TorchCheckpointReaderTest.resource("tiny.pth"), BackboneKind.VGG19, models))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("tiny.pth")
                .hasMessageContaining("does not fit VGG19")
                .hasMessageContaining("tensor 'features.0.weight' has shape [4, 3, 3, 3], needs [64, 3, 3, 3]")
                .hasMessageContaining("and 27 more");
        assertThat(listing(models)).isEmpty();
    }

    @Test
    void maliciousAndTruncatedCheckpointsAreRefusedAndNothingIsInstalled() throws IOException {
        Path models = models();
        assertThatThrownBy(() -> WeightsImporter.importInto(TorchCheckpointReaderTest.resource("malicious.pth"), BackboneKind.VGG19, models))
                .hasMessageContaining("posix.system");
        byte[] whole = Files.readAllBytes(TorchCheckpointReaderTest.resource("tiny-legacy.pth"));
        Path cut = dir.resolve("cut.pth");
        Files.write(cut, Arrays.copyOf(whole, whole.length - 100));
        assertThatThrownBy(() -> WeightsImporter.importInto(cut, BackboneKind.VGG19, models))
                .hasMessageContaining("cut.pth")
                .hasMessageContaining("truncated");
        assertThat(listing(models)).isEmpty();
    }

    @Test
    void vgg19SafetensorsIsImportedWithoutItsClassifier() throws IOException {
        Path source = VggFixtures.sharedVgg19();
        Path models = models();

        assertThat(WeightsImporter.detectKind(source)).isEqualTo(BackboneKind.VGG19);
        Path installed = WeightsImporter.importInto(source, BackboneKind.VGG19, models);

        assertThat(installed).isEqualTo(models.resolve("vgg19.safetensors"));
        assertThat(listing(models)).containsExactly("vgg19.safetensors", "vgg19.safetensors.sha256");
        Map<String, NamedTensor> kept = SafetensorsReader.readAll(installed);
        assertThat(kept.keySet()).containsExactlyElementsOf(BackboneArchitecture.VGG19.names());
        Map<String, NamedTensor> original = SafetensorsReader.readAll(source);
        assertThat(kept.get("features.34.weight")).isEqualTo(original.get("features.34.weight"));
        assertThat(kept.get("features.0.bias")).isEqualTo(original.get("features.0.bias"));
        assertThat(Files.size(installed)).isLessThan(Files.size(source));
        assertThat(WeightsSearchPath.findIn(models, BackboneKind.VGG19)).contains(installed);
    }

    @Test
    void aSafetensorsInstallForcesItsDataThenRenamesWeightsBeforeTheirHash() throws IOException {
        Path source = TorchCheckpointReaderTest.resource("tiny.pth");
        Path target = models().resolve("tiny.safetensors");
        RecordedSteps steps = RecordedSteps.all(target.getParent());

        InstallFiles.installSafetensors(WeightsImporter.readKept(source, TINY_FEATURES), target, source, steps);

        assertThat(steps.steps()).containsExactly(
                "WRITE .tiny.safetensors-TEMP.part", "WRITE .tiny.safetensors-TEMP.sha256.part",
                "FORCE .tiny.safetensors-TEMP.part", "FORCE .tiny.safetensors-TEMP.sha256.part",
                "DELETE tiny.safetensors.sha256",
                "RENAME .tiny.safetensors-TEMP.part", "RENAME .tiny.safetensors-TEMP.sha256.part",
                "SYNC_FOLDER .");
    }

    @Test
    void anInstallStoppedAtAnyStepNeverLeavesAHashOfOtherWeightsNorATemporary() throws IOException {
        Path target = models().resolve("tiny.safetensors");
        Path sidecar = target.resolveSibling("tiny.safetensors.sha256");
        Path oldSource = TorchCheckpointReaderTest.resource("tiny-legacy.pth");
        Path newSource = TorchCheckpointReaderTest.resource("tiny.pth");
        for (int step = 0; step < 8; step++) {
            InstallFiles.installSafetensors(WeightsImporter.readKept(oldSource, TINY_FEATURES), target, oldSource,
                    WriteSteps.NONE);
            String oldHash = Sha256.of(target);
            RecordedSteps stopped = RecordedSteps.stoppingBefore(target.getParent(), step);

            assertThatThrownBy(() -> InstallFiles.installSafetensors(
                    WeightsImporter.readKept(newSource, TINY_FEATURES), target, newSource, stopped))
                    .isInstanceOf(RecordedSteps.Stopped.class);

            String hash = Sha256.of(target);
            assertThat(SafetensorsReader.readAll(target)).as("step %d", step).hasSize(6);
            if (Files.exists(sidecar)) {
                assertThat(Files.readString(sidecar)).as("step %d", step).startsWith(hash);
            }
            // The old hash is removed (step 4) before the new weights take the name (step 5).
            assertThat(hash.equals(oldHash)).as("step %d", step).isEqualTo(step <= 5);
            assertThat(listing(target.getParent())).as("step %d", step).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void aSqueezenetInstallForcesEveryFileBeforeTheFolderIsRenamed() throws IOException {
        Path models = models();
        RecordedSteps steps = RecordedSteps.all(models);

        WeightsImporter.importInto(TestData.squeezenet(), BackboneKind.SQUEEZENET1_1, models, steps);

        List<String> taken = steps.steps();
        int rename = taken.indexOf("RENAME .squeezenet1_1-import-TEMP");
        assertThat(taken.get(0)).isEqualTo("WRITE .squeezenet1_1-import-TEMP");
        assertThat(taken.subList(1, rename).stream().filter(step -> step.startsWith("FORCE")))
                .hasSize(listing(models.resolve("squeezenet1_1")).size());
        assertThat(taken.subList(rename - 1, taken.size())).containsExactly(
                "SYNC_FOLDER .squeezenet1_1-import-TEMP", "RENAME .squeezenet1_1-import-TEMP", "SYNC_FOLDER .");
    }

    @Test
    void leftoversOfAnImportKilledLongAgoAreCleanedUp() throws IOException {
        Path models = models();
        Path oldTemp = Files.createDirectory(models.resolve(".squeezenet1_1-import-123"));
        Files.writeString(oldTemp.resolve("squeezenet0_conv0_weight.npy"), "half");
        Files.setLastModifiedTime(oldTemp, java.nio.file.attribute.FileTime.fromMillis(0));
        Path recentTemp = Files.createDirectory(models.resolve(".squeezenet1_1-import-456"));

        WeightsImporter.importInto(TestData.squeezenet(), BackboneKind.SQUEEZENET1_1, models);

        assertThat(listing(models)).containsExactly(".squeezenet1_1-import-456", "squeezenet1_1");
        assertThat(recentTemp).exists();
    }

    @Test
    void installedWeightsHonourTheUmask() throws IOException {
        Path models = models();
        // What this process's umask gives a new file and folder: a models folder shared by the
        // users of one machine (umask 022) must stay readable to all of them.
        var filePermissions = Files.getPosixFilePermissions(Files.createFile(models.resolve("probe")));
        var folderPermissions = Files.getPosixFilePermissions(Files.createDirectory(models.resolve("probe-folder")));

        Path vgg = WeightsImporter.importInto(VggFixtures.sharedVgg19(), BackboneKind.VGG19, models);
        Path squeezenet = WeightsImporter.importInto(TestData.squeezenet(), BackboneKind.SQUEEZENET1_1, models);

        assertThat(Files.getPosixFilePermissions(vgg)).isEqualTo(filePermissions);
        assertThat(Files.getPosixFilePermissions(vgg.resolveSibling("vgg19.safetensors.sha256"))).isEqualTo(filePermissions);
        assertThat(Files.getPosixFilePermissions(squeezenet)).isEqualTo(folderPermissions);
        assertThat(Files.getPosixFilePermissions(squeezenet.resolve("squeezenet0_conv0_weight.npy"))).isEqualTo(filePermissions);
        assertThat(Files.getPosixFilePermissions(squeezenet.resolve(WeightsImporter.SUMS_FILE))).isEqualTo(filePermissions);
    }

    @Test
    void aMissingVggTensorIsNamed() throws IOException {
        List<NamedTensor> tensors = new ArrayList<>(VggFixtures.vgg19WithClassifier(3));
        tensors.removeIf(t -> t.name().equals("features.34.bias"));
        Path source = dir.resolve("incomplete.safetensors");
        SafetensorsWriter.write(source, tensors);
        assertThatThrownBy(() -> WeightsImporter.importInto(source, BackboneKind.VGG19, models()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("tensor 'features.34.bias' is missing");
    }

    @Test
    void sharedSqueezenetFolderIsCopiedUnchanged() throws IOException {
        Path shared = TestData.squeezenet();
        Path models = models();

        Path installed = WeightsImporter.importInto(shared, BackboneKind.SQUEEZENET1_1, models);

        assertThat(installed).isEqualTo(models.resolve("squeezenet1_1"));
        assertThat(listing(models)).containsExactly("squeezenet1_1");
        assertThat(installed.resolve(WeightsImporter.SUMS_FILE)).exists();
        assertThat(Files.readAllBytes(installed.resolve("squeezenet0_conv12_weight.npy")))
                .isEqualTo(Files.readAllBytes(shared.resolve("squeezenet0_conv12_weight.npy")));
        ModelStatus status = WeightsInspector.inspect(BackboneKind.SQUEEZENET1_1, installed, true);
        assertThat(status.state()).as(status.detail()).isEqualTo(ModelState.PRESENT);
        assertThat(status.detail()).contains("recorded when it was imported, which are the catalogue's");

        // A second import replaces the first without leaving anything beside it.
        WeightsImporter.importInto(models, BackboneKind.SQUEEZENET1_1, dir.resolve("again"));
        assertThat(listing(dir.resolve("again"))).containsExactly("squeezenet1_1");
    }

    @Test
    void torchvisionSqueezenetKeysAreRenamedOnImport() throws IOException {
        Random random = new Random(5);
        List<NamedTensor> tensors = new ArrayList<>();
        Map<String, String> torchvision = TorchvisionNames.squeezenet();
        for (TensorSpec spec : BackboneArchitecture.SQUEEZENET1_1.tensors()) {
            tensors.add(VggFixtures.random(torchvision.get(spec.name()), random, spec.shape()));
        }
        Path source = dir.resolve("squeezenet1_1-torchvision.safetensors");
        SafetensorsWriter.write(source, tensors);
        assertThat(WeightsImporter.detectKind(source)).isEqualTo(BackboneKind.SQUEEZENET1_1);

        Path installed = WeightsImporter.importInto(source, BackboneKind.SQUEEZENET1_1, models());

        NamedTensor fire1Squeeze = NpyReader.read(installed.resolve("squeezenet0_conv1_weight.npy"));
        assertThat(fire1Squeeze.shape()).containsExactly(16, 64, 1, 1);
        assertThat(fire1Squeeze.data()).isEqualTo(tensors.stream()
                .filter(t -> t.name().equals("features.3.squeeze.weight")).findFirst().orElseThrow().data());
        assertThat(WeightsInspector.inspect(BackboneKind.SQUEEZENET1_1, installed, true).state()).isEqualTo(ModelState.PRESENT);
    }
}
