package app.atelier.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code atelier bench --child ...} in a fresh JVM with this JVM's class path: the kernel's
 * peak-resident counter (VmHWM) cannot be reset, so each configuration needs its own process for
 * its peak memory to be its own. It runs with the installed app's heap options, then the caller's.
 */
public final class ChildJvm {

    /** System properties the child inherits, so that it finds the same weights and native library. */
    private static final List<String> INHERITED_PREFIXES = List.of("atelier.", "ai.djl.", "PYTORCH_");

    private ChildJvm() {
    }

    /**
     * Starts the child and returns its RESULT line; its other output goes to {@code log}.
     *
     * @param threads intra-op threads, given to libtorch and OpenMP
     */
    public static Optional<BenchResult> run(List<String> jvmOptions, int threads, List<String> benchArguments,
                                            PrintWriter log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedProperties());
        command.add("-Dai.djl.pytorch.num_threads=" + threads);
        command.addAll(AppJvmOptions.launcherOptions());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("app.atelier.Launcher");
        command.add("bench");
        command.add("--child");
        command.addAll(benchArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process process = builder.start();
        BenchResult result = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith(BenchResult.PREFIX)) {
                    result = BenchResult.parse(line);
                } else if (!line.isBlank()) {
                    log.println("  | " + line);
                    log.flush();
                }
            }
        }
        int status = process.waitFor();
        if (status != 0) {
            log.println("  child JVM exited with status " + status);
            log.flush();
            return Optional.empty();
        }
        return Optional.ofNullable(result);
    }

    private static List<String> inheritedProperties() {
        List<String> options = new ArrayList<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (INHERITED_PREFIXES.stream().anyMatch(name::startsWith) && !name.equals("ai.djl.pytorch.num_threads")) {
                options.add("-D" + name + "=" + System.getProperty(name));
            }
        }
        return options;
    }
}
