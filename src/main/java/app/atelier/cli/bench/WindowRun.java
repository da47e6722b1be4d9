package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The window's responsiveness: opens the real studio window in a child JVM, whose script
 * ({@value #SCRIPT}, measurement tooling that the app does not ship: src/tooling, packed into
 * {@code target/atelier-tooling.jar}) runs a job, moves the β slider and watches the FX thread,
 * then writes its samples to a file that this side summarises. This command stays headless; only
 * the child starts a toolkit, so it needs a display.
 */
public final class WindowRun {

    /** The script's main class, found by name: the product never depends on the tooling. */
    static final String SCRIPT = "app.atelier.tooling.WindowBench";
    public static final String HOW_TO_RUN = "xvfb-run -a -s \"-screen 0 1600x1000x24\" java -jar target/atelier-tooling.jar"
            + " bench --mode window";
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private WindowRun() {
    }

    /** Why the window cannot be measured here (no tooling on the class path, no display), or empty when it can. */
    public static Optional<String> unavailable() {
        return missingTooling(WindowRun.class.getClassLoader())
                .or(() -> missingDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY")));
    }

    /** The installed app and {@code target/atelier.jar} carry no tooling; {@code target/atelier-tooling.jar} adds it. */
    static Optional<String> missingTooling(ClassLoader loader) {
        try {
            Class.forName(SCRIPT, false, loader);
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("The window benchmark's script is build tooling, not part of the app. From a build"
                    + " (mvn package), run: " + HOW_TO_RUN);
        }
    }

    /** On Linux and other X11 systems the window needs $DISPLAY (JavaFX reaches Wayland through XWayland). */
    static Optional<String> missingDisplay(String osName, String display) {
        String os = osName.toLowerCase(Locale.ROOT);
        boolean ownWindowSystem = os.startsWith("mac") || os.startsWith("windows");
        if (ownWindowSystem || (display != null && !display.isBlank())) {
            return Optional.empty();
        }
        return Optional.of("The window benchmark opens the studio window, and there is no display (DISPLAY is not set)."
                + " Run it on a desktop, or headless under a virtual X server: " + HOW_TO_RUN);
    }

    /**
     * Runs one configuration in the window; the child's output and any failure go to {@code log}.
     *
     * @return the samples, or empty when the window could not measure them
     */
    public static Optional<WindowSamples> run(BackboneKind backbone, int size, int changes, Path content, Path style,
                                              List<String> jvmOptions, int threads, PrintWriter log)
            throws IOException, InterruptedException {
        Path samples = Files.createTempFile("atelier-window-bench", ".txt");
        try {
            // The order WindowBench.main reads.
            List<String> arguments = List.of(samples.toString(), content.toAbsolutePath().toString(),
                    style.toAbsolutePath().toString(), backbone.id(), Integer.toString(size), Integer.toString(changes));
            boolean exited = ChildJvm.runWindow(jvmOptions, threads, SCRIPT, arguments, TIMEOUT, log);
            String text = Files.readString(samples, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                log.println("  the window wrote no samples" + (exited ? "" : " (it did not exit cleanly)"));
                log.flush();
                return Optional.empty();
            }
            try {
                return Optional.of(WindowSamples.parse(text));
            } catch (IllegalArgumentException e) {
                log.println("  the window could not measure: " + e.getMessage());
                log.flush();
                return Optional.empty();
            }
        } finally {
            Files.deleteIfExists(samples);
        }
    }
}
