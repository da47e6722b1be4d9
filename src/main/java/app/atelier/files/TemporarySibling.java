package app.atelier.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden file a picture or settings file is written to before it is renamed into place:
 * {@code .NAME-PID-RANDOM.tmp} beside the target. The process id in the name tells a file that a
 * running writer still needs from one a killed run left behind ({@code kill -9} runs no cleanup).
 */
public final class TemporarySibling {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("\\.(.+)-(\\d+)-[0-9a-z]+\\.tmp");
    /**
     * Names older versions used, without a writer's pid: {@code .NAME-RANDOM.tmp} (pictures, with
     * the random part in base 36 or, earlier, decimal) and {@code .NAME-PID.tmp} (settings).
     */
    private static final Pattern OLDER_NAME = Pattern.compile("\\.(.+)-[0-9a-z]+\\.tmp");
    /** An older version's file untouched this long is no write in progress: a write takes seconds. */
    private static final Duration OLDER_NAME_AGE = Duration.ofHours(1);

    private TemporarySibling() {
    }

    /** A new, unused name in {@code target}'s folder. */
    public static Path of(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "-" + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    }

    /**
     * Deletes the temporary files that processes no longer running left for {@code target} and for
     * the files named after it ({@code out.png} also covers {@code out-0050.png}), and those of
     * older versions' names not touched for an hour.
     *
     * @return how many were deleted; files that cannot be listed or deleted are left alone
     */
    public static int removeLeftovers(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        String name = absolute.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path file : files) {
                if (isLeftover(file, stem) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers are harmless; failing to tidy them must not stop a render or a save.
        }
        return removed;
    }

    private static boolean isLeftover(Path file, String stem) throws IOException {
        String name = file.getFileName().toString();
        Matcher current = NAME.matcher(name);
        if (current.matches() && current.group(1).startsWith(stem)) {
            return !isRunning(current.group(2));
        }
        Matcher older = OLDER_NAME.matcher(name);
        return older.matches() && older.group(1).startsWith(stem)
                && Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant()
                        .isBefore(Instant.now().minus(OLDER_NAME_AGE));
    }

    private static boolean isRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
