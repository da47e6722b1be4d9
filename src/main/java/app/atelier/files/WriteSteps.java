package app.atelier.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Hears each step of a durable replace just before it is taken. The writers take the steps
 * themselves; this seam only lets a test see their order (the data forced before the rename, the
 * folder synced after it) and stop a write between two steps, as a crash or a full disk would.
 */
@FunctionalInterface
public interface WriteSteps {

    /** The steps of a durable replace. */
    enum Step {
        /** The new content is written to a temporary sibling. */
        WRITE,
        /** A file's data is forced to the disk. */
        FORCE,
        /** A file is removed before its replacement is renamed into place. */
        DELETE,
        /** A temporary file or folder is renamed to its final name. */
        RENAME,
        /** A folder is forced to the disk, so the renames in it survive a power cut. */
        SYNC_FOLDER
    }

    /** Hears nothing: what the product uses. */
    WriteSteps NONE = (step, path) -> { };

    /**
     * Called on the writing thread just before {@code step} is taken on {@code path}; an exception
     * stops the write there.
     */
    void before(Step step, Path path) throws IOException;
}
