package app.atelier.settings;

import app.atelier.files.DurableFiles;
import app.atelier.files.TemporarySibling;
import app.atelier.files.WriteSteps;
import app.atelier.files.WriteSteps.Step;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a whole file or nothing: the text goes to a temporary sibling, is forced to the disk,
 * then renamed over the target, and the folder is synced so the rename itself survives a power
 * cut. A crash at any point leaves either the old file or the new one, never a mix; the
 * temporary a killed writer left is removed by the next write to the same file.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Writes {@code text} as UTF-8 into {@code file}, creating its folder when needed. */
    public static void writeString(Path file, String text) throws IOException {
        writeString(file, text, WriteSteps.NONE);
    }

    /** {@link #writeString(Path, String)} telling {@code steps} of each file-system step. */
    static void writeString(Path file, String text, WriteSteps steps) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        TemporarySibling.removeLeftovers(absolute);
        Path temp = TemporarySibling.of(absolute);
        try {
            steps.before(Step.WRITE, temp);
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            DurableFiles.force(temp, steps);
            DurableFiles.moveIntoPlace(temp, absolute, steps);
        } finally {
            Files.deleteIfExists(temp);
        }
        DurableFiles.syncFolder(absolute.getParent(), steps);
    }
}
