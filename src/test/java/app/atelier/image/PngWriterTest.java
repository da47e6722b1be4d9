package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.files.RecordedSteps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngWriterTest {

    @TempDir
    Path folder;

    static RgbImage gradient(int width, int height) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = 0xFF000000 | (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x + y) & 0xFF);
            }
        }
        return new RgbImage(width, height, argb);
    }

    @Test
    void writesLosslessPixelsThatLoadBackExactly() throws IOException {
        RgbImage image = gradient(37, 21);
        Path file = folder.resolve("out.png");

        PngWriter.write(image, file, Map.of());

        RgbImage back = ImageLoader.load(file);
        assertThat(back.width()).isEqualTo(37);
        assertThat(back.height()).isEqualTo(21);
        assertThat(back.argb()).containsExactly(image.argb());
    }

    @Test
    void storesLatin1AndUnicodeTextAndReadsItBackInOrder() throws IOException {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("atelier.alpha", "1.5");
        text.put("atelier.content", "/photos/café.jpg");
        text.put("atelier.style", "/art/葛飾北斎.jpg");
        Path file = folder.resolve("meta.png");

        PngWriter.write(gradient(8, 8), file, text);

        assertThat(PngMetadata.read(file)).containsExactlyInAnyOrderEntriesOf(text);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = folder.resolve("out.png");
        PngWriter.write(gradient(4, 4), file, Map.of("run", "first"));

        PngWriter.write(gradient(6, 3), file, Map.of("run", "second"));

        assertThat(ImageLoader.load(file).width()).isEqualTo(6);
        assertThat(PngMetadata.read(file)).containsEntry("run", "second");
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void dataIsForcedBeforeTheRenameAndTheFolderSyncedAfterIt() throws IOException {
        Path file = folder.resolve("out.png");
        RecordedSteps steps = RecordedSteps.all(folder);

        PngWriter.writeAtomically(file, out -> out.write(new byte[] {1, 2, 3}), steps);

        assertThat(steps.steps()).containsExactly("WRITE .out.png-TEMP.tmp", "FORCE .out.png-TEMP.tmp",
                "RENAME .out.png-TEMP.tmp", "SYNC_FOLDER .");
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void aWriteStoppedAtAnyPointLeavesTheOldOrTheNewPictureWholeAndNoTemporary() throws IOException {
        Path file = folder.resolve("out.png");
        PngWriter.write(gradient(4, 4), file, Map.of("run", "old"));
        // A stream that fails half-way, as a full disk or a crash of the encoder would.
        assertThatThrownBy(() -> PngWriter.writeAtomically(file, out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        })).hasMessageContaining("out.png");
        assertThat(PngMetadata.read(file)).containsEntry("run", "old");

        Path other = Files.createDirectory(folder.resolve("other")).resolve("new.png");
        PngWriter.write(gradient(6, 4), other, Map.of("run", "new"));
        byte[] newPicture = Files.readAllBytes(other);
        Files.delete(other);
        Files.delete(other.getParent());

        for (int step = 0; step < 4; step++) {
            PngWriter.write(gradient(4, 4), file, Map.of("run", "old"));
            RecordedSteps stopped = RecordedSteps.stoppingBefore(folder, step);
            assertThatThrownBy(() -> PngWriter.writeAtomically(file, out -> out.write(newPicture), stopped))
                    .hasMessageContaining("stopped before");
            // Only the folder sync comes after the rename.
            assertThat(PngMetadata.read(file)).as("stopped before step %d", step)
                    .containsEntry("run", step < 3 ? "old" : "new");
            try (var files = Files.list(folder)) {
                assertThat(files).as("stopped before step %d", step).containsExactly(file);
            }
        }
    }

    @Test
    void temporariesOfAKilledWriterAreRemovedByTheNextWriteOfThePicture() throws IOException {
        // As the autosave's current.png, written by the window, not by render (which tidies at its start).
        long deadPid = ProcessHandle.current().pid() + 1_000_000;
        Path killed = Files.writeString(folder.resolve(".current.png-" + deadPid + "-k3x9.tmp"), "half");
        Path file = folder.resolve("current.png");

        PngWriter.write(gradient(4, 4), file, Map.of());

        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(killed).doesNotExist();
    }

    @Test
    void pictureGetsTheUsualPermissionsNotThoseOfATemporaryFile() throws IOException {
        Path file = folder.resolve("shared.png");
        Path plain = Files.createFile(folder.resolve("plain.txt"));

        PngWriter.write(gradient(4, 4), file, Map.of());

        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
        }
    }

    @Test
    void missingFolderIsReportedByName() {
        Path file = folder.resolve("no-such-folder").resolve("out.png");

        assertThatThrownBy(() -> PngWriter.write(gradient(4, 4), file, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("out.png")
                .hasMessageContaining("no-such-folder")
                .hasMessageContaining("does not exist");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void symbolicLinkIsNeitherWrittenThroughNorReplaced() throws IOException {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(folder.resolve("out.png"), precious);

        assertThatThrownBy(() -> PngWriter.write(gradient(4, 4), link, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("out.png")
                .hasMessageContaining("symbolic link");
        assertThat(precious).hasContent("keep me");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void deviceIsNotReplaced() {
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device));

        assertThatThrownBy(() -> PngWriter.write(gradient(4, 4), device, Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("device");
        assertThat(Files.isRegularFile(device)).isFalse();
    }

    @Test
    void invalidKeywordIsRejectedBeforeAnythingIsWritten() {
        Path file = folder.resolve("out.png");

        assertThatThrownBy(() -> PngWriter.write(gradient(4, 4), file, Map.of("", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }
}
