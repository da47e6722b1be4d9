package app.atelier.model;

import app.atelier.files.DurableFiles;
import app.atelier.files.WriteSteps;
import app.atelier.files.WriteSteps.Step;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How Atelier writes into a models folder and recognises what it wrote there: installs moved
 * into place whole (a file with its hash list, or a folder), temporary names
 * created with the user's umask (a folder shared by several users stays readable to them, which
 * {@code Files.createTempFile}'s 0600 is not), data synced before it is renamed into place, and
 * the mark, a comment line in the hash list written with every install, without which
 * {@code models remove} deletes nothing.
 */
final class InstallFiles {

    /** The line that marks a hash list as written by an Atelier install. */
    static final String MARK = "# installed by Atelier: `atelier models remove` may delete these weights";

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallFiles() {
    }

    /** A new empty file named {@code prefix}RANDOM{@code suffix} in {@code folder}, with the umask's permissions. */
    static Path newFile(Path folder, String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return Files.createFile(folder.resolve(prefix + randomPart() + suffix));
            } catch (FileAlreadyExistsException taken) {
                // Another name is drawn.
            }
        }
    }

    /** A new empty folder named {@code prefix}RANDOM in {@code folder}, with the umask's permissions. */
    static Path newFolder(Path folder, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(folder.resolve(prefix + randomPart()));
            } catch (FileAlreadyExistsException taken) {
                // Another name is drawn.
            }
        }
    }

    private static String randomPart() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Forces {@code path}'s data (a file, or each file of a folder, then the folder) to disk:
     * without it a crash soon after a rename can leave the final name over blocks never written.
     */
    static void sync(Path path, WriteSteps steps) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> entries = Files.list(path)) {
                for (Path entry : entries.toList()) {
                    if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                        DurableFiles.force(entry, steps);
                    }
                }
            }
            DurableFiles.syncFolder(path, steps);
        } else {
            DurableFiles.force(path, steps);
        }
    }

    /**
     * Writes {@code tensors} as {@code target} with a hash sidecar, each moved into place when
     * complete: the old sidecar goes first, then the weights, then the new sidecar. A crash in
     * between leaves weights without a recorded hash (still checked by reading them), never a
     * hash of other weights, which would call good weights corrupt.
     */
    static Path installSafetensors(List<NamedTensor> tensors, Path target, Path source, WriteSteps steps)
            throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = newFile(folder, "." + target.getFileName() + "-", ".part");
        Path sidecarTemp = null;
        try {
            steps.before(Step.WRITE, temp);
            SafetensorsWriter.write(temp, tensors, Map.of("source", source.getFileName().toString(),
                    "kept", "convolutions only, torchvision names"));
            String hash = Sha256.of(temp);
            sidecarTemp = newFile(folder, "." + target.getFileName() + "-", ".sha256.part");
            steps.before(Step.WRITE, sidecarTemp);
            Files.writeString(sidecarTemp, hash + "  " + target.getFileName() + "\n" + MARK + "\n");
            sync(temp, steps);
            sync(sidecarTemp, steps);
            Path sidecar = target.resolveSibling(target.getFileName() + WeightsImporter.SIDECAR_SUFFIX);
            steps.before(Step.DELETE, sidecar);
            Files.deleteIfExists(sidecar);
            DurableFiles.moveIntoPlace(temp, target, steps);
            DurableFiles.moveIntoPlace(sidecarTemp, sidecar, steps);
            DurableFiles.syncFolder(folder, steps);
            return target;
        } finally {
            Files.deleteIfExists(temp);
            if (sidecarTemp != null) {
                Files.deleteIfExists(sidecarTemp);
            }
        }
    }

    /** Puts the complete folder {@code ready} at {@code target}; an old one is moved aside first, then deleted. */
    static void replaceFolder(Path ready, Path target, WriteSteps steps) throws IOException {
        Optional<Path> old = Optional.empty();
        if (Files.exists(target)) {
            Path aside = target.resolveSibling("." + target.getFileName() + "-old-" + System.nanoTime());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            old = Optional.of(aside);
        }
        try {
            steps.before(Step.RENAME, ready);
            Files.move(ready, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old.isPresent()) {
                Files.move(old.get(), target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old.isPresent()) {
            deleteRecursively(old.get());
        }
    }

    /** Whether the hash list {@code sums} carries Atelier's mark; a list the user wrote with sha256sum does not. */
    static boolean marked(Path sums) {
        if (!Files.isRegularFile(sums, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<String> lines = Files.lines(sums)) {
            return lines.limit(200).anyMatch(line -> line.strip().equals(MARK));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** The lines of a hash list that are hashes ("HASH  NAME"), without comments such as the mark. */
    static List<String> hashLines(Path sums) throws IOException {
        return Files.readAllLines(sums).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /** Deletes {@code path} and, for a folder, everything inside it; links are deleted, never followed. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
