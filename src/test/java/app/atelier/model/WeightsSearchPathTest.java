package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.BackboneKind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightsSearchPathTest {

    @TempDir
    Path dir;

    @Test
    void findsSqueezeNetFolderAndVggFileInListedFoldersInOrder() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.createDirectories(first.resolve("squeezenet1_1")); // empty: not usable
        Path squeeze = Files.createDirectories(second.resolve("squeezenet1_1"));
        Files.write(squeeze.resolve(WeightsSearchPath.SQUEEZENET_MARKER), new byte[] {0});
        Path vggFolder = Files.createDirectories(first.resolve("vgg19"));
        Path vgg = Files.write(vggFolder.resolve("vgg19-dcbb9e9d.safetensors"), new byte[] {0});

        WeightsSearchPath path = WeightsSearchPath.fromSettings(
                first + File.pathSeparator + second, null, "Linux", Map.of(), dir.resolve("home").toString());
        assertThat(path.find(BackboneKind.SQUEEZENET1_1)).contains(squeeze);
        assertThat(path.find(BackboneKind.VGG19)).contains(vgg);

        Path direct = Files.write(second.resolve("vgg19.safetensors"), new byte[] {0});
        WeightsSearchPath reversed = WeightsSearchPath.fromSettings(
                second + File.pathSeparator + first, null, "Linux", Map.of(), "/home/x");
        assertThat(reversed.find(BackboneKind.VGG19)).contains(direct);
        assertThat(reversed.folders()).startsWith(second, first);
        assertThat(reversed.describe()).contains(second.toString()).contains(first.toString());
    }

    @Test
    void propertyWinsOverEnvironmentAndUserFolderComesLast() {
        WeightsSearchPath path = WeightsSearchPath.fromSettings("/env", "/prop", "Linux", Map.of(), "/home/ann");
        assertThat(path.folders()).containsExactly(Path.of("/prop"), Path.of("/home/ann/.local/share/atelier/models"));
        assertThat(path.includesBuiltIn()).isTrue();
        assertThat(path.find(BackboneKind.SQUEEZENET1_1)).isEqualTo(BuiltInWeights.squeezenet());
        assertThat(path.find(BackboneKind.VGG19)).isEmpty();
    }

    @Test
    void userDataFolderFollowsEachPlatform() {
        assertThat(WeightsSearchPath.userDataFolder("Linux", Map.of("XDG_DATA_HOME", "/data"), "/home/ann"))
                .contains(Path.of("/data/atelier/models"));
        assertThat(WeightsSearchPath.userDataFolder("Mac OS X", Map.of(), "/Users/ann"))
                .contains(Path.of("/Users/ann/Library/Application Support/Atelier/models"));
        assertThat(WeightsSearchPath.userDataFolder("Windows 11", Map.of("LOCALAPPDATA", "/appdata"), "/u"))
                .contains(Path.of("/appdata", "Atelier", "models"));
        assertThat(WeightsSearchPath.fromSettings(null, null, "Linux", Map.of(), "/home/ann").folders())
                .isEqualTo(List.of(Path.of("/home/ann/.local/share/atelier/models")));
    }
}
