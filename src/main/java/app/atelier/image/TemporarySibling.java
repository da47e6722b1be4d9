package app.atelier.image;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden file a picture is written to before it is renamed into place:
 * {@code .NAME-PID-RANDOM.tmp} beside the target. The process id in the name tells a file that a
 * running writer still needs from one a killed run left behind ({@code kill -9} runs no cleanup).
 */
public final class TemporarySibling {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("\\.(.+)-(\\d+)-[0-9a-z]+\\.tmp");

    private TemporarySibling() {
    }

    /** A new, unused name in {@code target}'s folder. */
    static Path of(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + "-" + ProcessHandle.current().pid() + "-"
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    }

    /**
     * Deletes the temporary files that processes no longer running left for {@code target} and for
     * the pictures named after it ({@code out.png} also covers {@code out-0050.png}).
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
                Matcher matcher = NAME.matcher(file.getFileName().toString());
                if (matcher.matches() && matcher.group(1).startsWith(stem) && !isRunning(matcher.group(2))
                        && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Leftovers are harmless; failing to tidy them must not stop a render.
        }
        return removed;
    }

    private static boolean isRunning(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
