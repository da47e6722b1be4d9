package app.atelier.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs Atelier in a fresh JVM with this JVM's class path: {@code atelier bench --child ...}, since
 * the kernel's peak-resident counter (VmHWM) cannot be reset, so each configuration needs its own
 * process for its peak memory to be its own; and the studio window for the window benchmark,
 * which needs a JavaFX toolkit this headless command never starts. Both run with the installed
 * app's heap options, then the caller's.
 */
public final class ChildJvm {

    private static final String LAUNCHER = "app.atelier.Launcher";
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
        return line(jvmOptions, threads, benchArguments, BenchResult.PREFIX, log).map(BenchResult::parse);
    }

    /** Starts the child and returns its line that starts with {@code prefix}; its other output goes to {@code log}. */
    public static Optional<String> line(List<String> jvmOptions, int threads, List<String> benchArguments,
                                        String prefix, PrintWriter log) throws IOException, InterruptedException {
        List<String> command = javaCommand(jvmOptions, threads, LAUNCHER);
        command.add("bench");
        command.add("--child");
        command.addAll(benchArguments);
        AtomicReference<String> result = new AtomicReference<>();
        boolean succeeded = execute(command, threads, null, log, line -> {
            if (line.startsWith(prefix)) {
                result.set(line);
                return true;
            }
            return false;
        });
        return succeeded ? Optional.ofNullable(result.get()) : Optional.empty();
    }

    /**
     * Starts the child on this process's own standard input, output and error (the batch server's
     * line protocol reaches the driver directly) and waits until it exits.
     *
     * @return the child's exit status
     */
    public static int serve(List<String> jvmOptions, int threads, List<String> benchArguments)
            throws IOException, InterruptedException {
        List<String> command = javaCommand(jvmOptions, threads, LAUNCHER);
        command.add("bench");
        command.add("--child");
        command.addAll(benchArguments);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        return builder.start().waitFor();
    }

    /**
     * Runs {@code mainClass} (a script that opens the studio window) in a child with the given
     * arguments and waits until it exits or {@code timeout} passes (then kills it); all its output
     * goes to {@code log}.
     *
     * @return whether it exited with status 0 in time
     */
    public static boolean runWindow(List<String> jvmOptions, int threads, String mainClass, List<String> arguments,
                                    Duration timeout, PrintWriter log) throws IOException, InterruptedException {
        List<String> command = javaCommand(jvmOptions, threads, mainClass);
        command.addAll(arguments);
        return execute(command, threads, timeout, log, line -> false);
    }

    /** {@code java ... MAIN_CLASS} with this JVM's class path, to which arguments may be added. */
    private static List<String> javaCommand(List<String> jvmOptions, int threads, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedProperties());
        command.add("-Dai.djl.pytorch.num_threads=" + threads);
        command.addAll(AppJvmOptions.launcherOptions());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }

    /** A line the caller takes for itself (true) is not logged. */
    private interface LineTaker {
        boolean take(String line);
    }

    /** @param timeout null to wait as long as the child runs */
    private static boolean execute(List<String> command, int threads, Duration timeout, PrintWriter log,
                                   LineTaker taker) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        Process process = builder.start();
        // Read on another thread, so that a child that hangs with its output open can still be timed out.
        Thread reader = new Thread(() -> relay(process, log, taker), "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
        boolean exited = true;
        if (timeout == null) {
            process.waitFor();
        } else {
            exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            log.println("  child JVM killed after " + timeout.toSeconds() + " s");
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        int status = process.exitValue();
        if (exited && status != 0) {
            log.println("  child JVM exited with status " + status);
        }
        log.flush();
        return exited && status == 0;
    }

    /** Runs on the child's output thread. */
    private static void relay(Process process, PrintWriter log, LineTaker taker) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!taker.take(line) && !line.isBlank()) {
                    synchronized (log) {
                        log.println("  | " + line);
                        log.flush();
                    }
                }
            }
        } catch (IOException e) {
            // A killed child closes its output under the reader; say so rather than lose it.
            synchronized (log) {
                log.println("  child JVM output ended: " + e.getMessage());
                log.flush();
            }
        }
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
