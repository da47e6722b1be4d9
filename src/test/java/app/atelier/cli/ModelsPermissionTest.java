package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A models folder the user may not change: one line naming the folder, never a bare path. */
class ModelsPermissionTest {

    @TempDir
    Path dir;

    @Test
    void removeFromAFolderOfAnotherUserSaysPermissionDeniedNamingTheFolder() throws Exception {
        Path models = dir.resolve("models");
        CliRun install = CliRun.of("models", "import", TestData.squeezenet().toString(), "--as", "squeezenet1_1",
                "--models-dir", models.toString());
        assertThat(install.exitCode()).as(install.err()).isZero();

        CliRun run = AnotherUser.run(dir.resolve("scratch"), "models", "remove", "squeezenet1_1",
                "--models-dir", models.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("Error: Could not remove SqueezeNet 1.1 from " + models
                        + ": permission denied: only the folder's owner may change files there");
        assertThat(models.resolve("squeezenet1_1").resolve("SHA256SUMS")).exists();
    }

    @Test
    void importIntoAFolderOfAnotherUserSaysPermissionDeniedNamingTheFolder() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));

        CliRun run = AnotherUser.run(dir.resolve("scratch"), "models", "import", TestData.squeezenet().toString(),
                "--as", "squeezenet1_1", "--models-dir", models.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("Error: Could not install SqueezeNet 1.1 into " + models
                        + ": permission denied: only the folder's owner may change files there");
        try (var files = Files.list(models)) {
            assertThat(files).isEmpty();
        }
    }
}
