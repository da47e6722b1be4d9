package app.atelier.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.Launcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line as a user other than the folders' owner, so that permission bits bite:
 * tests run as root, for whom they do not, so the command runs in a child JVM as {@code nobody}
 * through {@code setpriv}; the test is skipped where that cannot be done. The class path is
 * linked into {@code scratch}, as the build's own copies may sit in root's home, closed to others.
 */
final class AnotherUser {

    private static final String NOBODY = "65534";

    private AnotherUser() {
    }

    /** Runs {@code args} as another user; {@code scratch}, a new folder, is made readable to all with its parents up to /tmp. */
    static CliRun run(Path scratch, String... args) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is not installed");
        assumeTrue(((Integer) Files.getAttribute(scratch, "unix:uid")) == 0,
                "not root: cannot switch to another user (and permission bits already apply)");
        openToAll(scratch);
        List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPathFor(scratch.resolve("lib")), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("ATELIER_MODELS");
        builder.environment().put("HOME", scratch.toString());
        Path out = scratch.resolve("out.txt");
        Path err = scratch.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the child JVM did not finish in 120 s");
        }
        return new CliRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void openToAll(Path folder) throws IOException {
        for (Path p = folder; p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            if (((Integer) Files.getAttribute(p, "unix:uid")) == 0 && !Files.isSymbolicLink(p)) {
                var permissions = Files.getPosixFilePermissions(p);
                permissions.addAll(PosixFilePermissions.fromString("r-xr-xr-x"));
                Files.setPosixFilePermissions(p, permissions);
            }
            if (p.equals(Path.of(System.getProperty("java.io.tmpdir")))) {
                break;
            }
        }
    }

    private static String classPathFor(Path lib) throws IOException {
        Files.createDirectories(lib);
        Path worktree = Path.of("").toAbsolutePath();
        List<String> entries = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (path.startsWith(worktree) || !Files.isRegularFile(path)) {
                entries.add(path.toString());
            } else if (!path.getFileName().toString().startsWith("pytorch-native")) {
                Path link = lib.resolve((index++) + "-" + path.getFileName());
                try {
                    Files.createLink(link, path);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(path, link);
                }
                entries.add(link.toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
