package app.atelier.files;

import app.atelier.files.WriteSteps.Step;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The three file-system steps every replace in Atelier takes, in this order: force the new data,
 * rename it over the final name, sync the folder. Without the first a crash soon after the rename
 * can leave the final name over blocks never written; without the last the rename itself can be
 * lost.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Forces {@code file}'s data to the disk. */
    public static void force(Path file, WriteSteps steps) throws IOException {
        steps.before(Step.FORCE, file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Renames {@code from} to {@code to} in one step where the file system can, replacing {@code to}. */
    public static void moveIntoPlace(Path from, Path to, WriteSteps steps) throws IOException {
        steps.before(Step.RENAME, from);
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // The temporary sits in the target's folder, so only exotic file systems get here;
            // a plain replace is the best they offer.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the renames in {@code folder} durable; best effort, as not every system can open a folder. */
    public static void syncFolder(Path folder, WriteSteps steps) throws IOException {
        steps.before(Step.SYNC_FOLDER, folder);
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals its renames. The data
            // itself is already on the disk, so only the rename's durability is at stake.
        }
    }
}
