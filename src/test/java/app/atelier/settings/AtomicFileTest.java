package app.atelier.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryBehind() throws Exception {
        Path file = folder.resolve("new").resolve("state.json");
        AtomicFile.writeString(file, "first, longer text");
        AtomicFile.writeString(file, "second ✓");
        assertThat(Files.readString(file)).isEqualTo("second ✓");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFolderInTheWayFailsWithoutTouchingIt() throws Exception {
        Path file = folder.resolve("state.json");
        Files.createDirectories(file.resolve("inside"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFile.writeString(file, "x"))
                .isInstanceOf(java.io.IOException.class);
        assertThat(file.resolve("inside")).isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }
}
