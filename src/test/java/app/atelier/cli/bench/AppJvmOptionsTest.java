package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AppJvmOptionsTest {

    @Test
    void takesTheHeapAndStackOptionsOfTheLauncherButNotItsPropertiesOrPaths() {
        String config = """
                --name Atelier
                --java-options "-DPYTORCH_LIBRARY_PATH=$APPDIR/pytorch"
                --java-options "-Xss2m"
                --java-options -Xms32m
                --java-options "-XX:+UseG1GC"
                """;
        assertThat(AppJvmOptions.parse(config)).containsExactly("-Xss2m", "-Xms32m", "-XX:+UseG1GC");
    }

    @Test
    void theJarCarriesTheRepositorysJpackageConfig() throws IOException {
        assertThat(AppJvmOptions.launcherOptions())
                .isEqualTo(AppJvmOptions.parse(Files.readString(Path.of("jpackage.cfg"))))
                .contains("-Xms32m");
    }
}
