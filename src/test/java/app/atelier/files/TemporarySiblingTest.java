package app.atelier.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporarySiblingTest {

    @TempDir
    Path folder;

    private Path file(String name, long ageMillis) throws IOException {
        Path file = Files.writeString(folder.resolve(name), "half");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
        return file;
    }

    @Test
    void olderVersionsTemporariesAreRemovedOnceNoWriteCanStillBeUsingThem() throws IOException {
        long hours = 3_600_000L;
        // Files.createTempFile's decimal part (the first versions), then a base-36 part.
        Path decimal = file(".out.png-8123456789012345678.tmp", 2 * hours);
        Path base36 = file(".out-0050.png-3k5j2hq0a.tmp", 2 * hours);
        Path recent = file(".out.png-3k5j2hq0b.tmp", 60_000);
        Path otherPicture = file(".other.png-3k5j2hq0c.tmp", 2 * hours);
        Path notATemporary = file("out-notes.tmp", 2 * hours);

        int removed = TemporarySibling.removeLeftovers(folder.resolve("out.png"));

        assertThat(removed).isEqualTo(2);
        assertThat(decimal).doesNotExist();
        assertThat(base36).doesNotExist();
        assertThat(recent).as("an older version may still be writing it").exists();
        assertThat(otherPicture).exists();
        assertThat(notATemporary).exists();
    }

    @Test
    void aTemporaryOfARunningWriterIsKeptHoweverOld() throws IOException {
        Path live = file(".out.png-" + ProcessHandle.current().pid() + "-zz.tmp", 48 * 3_600_000L);

        TemporarySibling.removeLeftovers(folder.resolve("out.png"));

        assertThat(live).exists();
    }
}
