package app.atelier.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a picture may be written at a path: checked before any work (a render can take hours)
 * and again before each write, since the path may change meanwhile. Atelier only creates a new
 * file or replaces a regular one that is none of the run's inputs; it never writes through a
 * symbolic link and never replaces a device, a folder or a read-only file.
 */
final class OutputCheck {

    private final Map<Path, String> inputs = new LinkedHashMap<>();

    /** @param inputs each input file with the option that named it, e.g. {@code --style} */
    OutputCheck(Map<Path, String> inputs) {
        this.inputs.putAll(inputs);
    }

    /** @return why {@code target} (named by {@code option}) cannot be written, or empty when it can */
    Optional<String> problem(Path target, String option) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of("the folder of " + option + ", " + folder
                    + ", does not exist; create it or choose another path");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Optional<String> existing = existingProblem(absolute, option);
            if (existing.isPresent()) {
                return existing;
            }
        }
        return folderProblem(folder, option);
    }

    private Optional<String> existingProblem(Path absolute, String option) {
        String prefix = option + " " + absolute + " ";
        if (Files.isSymbolicLink(absolute)) {
            return Optional.of(prefix + "is a symbolic link; Atelier does not write through links,"
                    + " so give the file it points to or a new name");
        }
        if (Files.isDirectory(absolute)) {
            return Optional.of(prefix + "is a folder; give a file name such as " + absolute.resolve("out.png"));
        }
        if (!Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(prefix + "is a device or other special file; choose a new file name");
        }
        for (Map.Entry<Path, String> input : inputs.entrySet()) {
            if (sameFile(absolute, input.getKey())) {
                return Optional.of(prefix + "is also the " + input.getValue()
                        + " picture and would be overwritten; choose another name");
            }
        }
        if (isReadOnly(absolute)) {
            return Optional.of(prefix + "is read-only; make it writable or choose another name");
        }
        return Optional.empty();
    }

    /** Writing a throwaway file is the only test that is true for root, ACLs and read-only mounts alike. */
    private static Optional<String> folderProblem(Path folder, String option) {
        Path probe = folder.resolve(".atelier-write-check-" + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : e.getClass().getSimpleName();
            return Optional.of("cannot write in the folder of " + option + ", " + folder + " (" + reason
                    + "); choose another folder");
        }
    }

    private static boolean sameFile(Path output, Path input) {
        try {
            return Files.exists(input) && Files.isSameFile(output, input);
        } catch (IOException e) {
            return output.normalize().equals(input.toAbsolutePath().normalize());
        }
    }

    /** Root may write anything, so its own writability says nothing: the permission bits do. */
    private static boolean isReadOnly(Path file) {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            try {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (!permissions.contains(PosixFilePermission.OWNER_WRITE)) {
                    return true;
                }
            } catch (IOException e) {
                return !Files.isWritable(file);
            }
        }
        return !Files.isWritable(file);
    }
}
