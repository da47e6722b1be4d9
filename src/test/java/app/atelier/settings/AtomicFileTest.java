package app.atelier.settings;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.files.RecordedSteps;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
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

    @Test
    void dataIsForcedBeforeTheRenameAndTheFolderSyncedAfterIt() throws Exception {
        Path file = folder.resolve("state.json");
        RecordedSteps steps = RecordedSteps.all(folder);

        AtomicFile.writeString(file, "new", steps);

        assertThat(steps.steps()).containsExactly("WRITE .state.json-TEMP.tmp", "FORCE .state.json-TEMP.tmp",
                "RENAME .state.json-TEMP.tmp", "SYNC_FOLDER .");
        assertThat(Files.readString(file)).isEqualTo("new");
    }

    @Test
    void aWriteStoppedBetweenAnyTwoStepsLeavesTheOldOrTheNewFileWholeAndNoTemporary() throws Exception {
        Path file = folder.resolve("state.json");
        for (int step = 0; step < 4; step++) {
            AtomicFile.writeString(file, "old");
            RecordedSteps stopped = RecordedSteps.stoppingBefore(folder, step);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicFile.writeString(file, "new", stopped))
                    .isInstanceOf(RecordedSteps.Stopped.class);

            // Only the folder sync comes after the rename.
            assertThat(Files.readString(file)).as("stopped before step %d", step).isEqualTo(step < 3 ? "old" : "new");
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files).as("stopped before step %d", step).containsExactly(file);
            }
        }
    }

    @Test
    void temporariesOfKilledWritersAreRemovedByTheNextWrite() throws Exception {
        Path file = folder.resolve("studio.json");
        long deadPid = ProcessHandle.current().pid() + 1_000_000;
        Path killed = Files.writeString(folder.resolve(".studio.json-" + deadPid + "-k3x9.tmp"), "{\"half");
        Path live = Files.writeString(folder.resolve(".studio.json-" + ProcessHandle.current().pid() + "-zz.tmp"), "{");
        // The names older versions used: no random part (settings), no pid (pictures).
        Path olderSettings = Files.writeString(folder.resolve(".studio.json-" + deadPid + ".tmp"), "{\"half");
        Path olderRecent = Files.writeString(folder.resolve(".studio.json-3k5j2h.tmp"), "{");
        Files.setLastModifiedTime(olderSettings, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));

        AtomicFile.writeString(file, "{}");

        assertThat(killed).doesNotExist();
        assertThat(olderSettings).doesNotExist();
        assertThat(live).exists();
        assertThat(olderRecent).as("an older version may still be writing it").exists();
    }
}
