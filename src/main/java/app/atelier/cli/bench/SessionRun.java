package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A long session in the studio window ({@code bench --mode session}): a child JVM runs the
 * tooling script {@value #SCRIPT} (a long run with a β slider change every so many iterations,
 * sampling resident memory and the heap) and this side prints its samples as a table. Needs what
 * {@link WindowRun} needs: the tooling on the class path and a display.
 */
public final class SessionRun {

    static final String SCRIPT = "app.atelier.tooling.SessionBench";
    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private SessionRun() {
    }

    /** Runs the session; prints the table (or why there is none) to {@code out}, the child's output to {@code log}. */
    public static boolean run(BackboneKind backbone, int size, int iterations, int changeEvery, int sampleEvery, Path content,
                              Path style, List<String> jvmOptions, int threads, PrintWriter out, PrintWriter log)
            throws IOException, InterruptedException {
        Path samples = Files.createTempFile("atelier-session-bench", ".txt");
        Path history = Files.createTempDirectory("atelier-session-history");
        try {
            List<String> arguments = List.of(samples.toString(), content.toAbsolutePath().toString(),
                    style.toAbsolutePath().toString(), backbone.id(), Integer.toString(size), Integer.toString(iterations),
                    Integer.toString(changeEvery), Integer.toString(sampleEvery), history.toString());
            boolean exited = ChildJvm.runWindow(jvmOptions, threads, SCRIPT, arguments, TIMEOUT, log);
            List<String> lines = Files.readAllLines(samples, StandardCharsets.UTF_8);
            print(lines, out);
            return exited && lines.stream().noneMatch(line -> line.startsWith("error="));
        } finally {
            Files.deleteIfExists(samples);
            try (Stream<Path> files = Files.walk(history)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** The samples as a table, then the history's size; failures as the script wrote them. */
    static void print(List<String> lines, PrintWriter out) {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%9s %8s %8s %13s %8s %7s", "iteration", "RSS MB", "heap MB", "heap live MB",
                "ms/it", "changes"));
        for (String line : lines) {
            if (line.startsWith("sample=")) {
                String[] f = line.substring("sample=".length()).split(",");
                rows.add(String.format(Locale.ROOT, "%9s %8s %8s %13s %8s %7s", f[0], f[1], f[2], f[3], f[4], f[5]));
            } else {
                rows.add(line);
            }
        }
        rows.forEach(out::println);
        out.flush();
    }
}
