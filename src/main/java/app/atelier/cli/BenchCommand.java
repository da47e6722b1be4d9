package app.atelier.cli;

import app.atelier.cli.bench.BatchServer;
import app.atelier.cli.bench.BenchConfig;
import app.atelier.cli.bench.BenchImages;
import app.atelier.cli.bench.BenchResult;
import app.atelier.cli.bench.BenchSetup;
import app.atelier.cli.bench.ChildJvm;
import app.atelier.cli.bench.CpuPeak;
import app.atelier.cli.bench.FirstFrameRun;
import app.atelier.cli.bench.LatencyRun;
import app.atelier.cli.bench.PrintRun;
import app.atelier.cli.bench.QualityRun;
import app.atelier.cli.bench.SessionRun;
import app.atelier.cli.bench.ThroughputRun;
import app.atelier.cli.bench.WindowRun;
import app.atelier.cli.bench.WindowSamples;
import app.atelier.engine.BackboneKind;
import app.atelier.engine.Defaults;
import app.atelier.engine.PrintPass;
import app.atelier.image.ImageLoadException;
import app.atelier.image.RgbImage;
import app.atelier.model.RandomVgg19Weights;
import app.atelier.model.WeightsSearchPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code atelier bench}: times the real style-transfer job per backbone × size × optimiser, each
 * configuration in a fresh child JVM so that its peak memory is its own; also time to quality, the
 * engine-side latency of a parameter change, and the studio window's responsiveness (in a child
 * JVM that opens the window). Prints figures; asserts nothing.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Measures iteration speed, memory, time to quality and responsiveness.",
        description = {
                "Each throughput configuration runs in a fresh JVM (peak resident memory, VmHWM, cannot be",
                "reset within a process): warm-up iterations, then timed ones of the app's own job.",
                "VGG19 uses real weights when the weights search path has them, else random ones made for the run.",
                "--mode window opens the studio window in a fresh JVM with the build's measurement tooling",
                "(not part of the installed app) and needs a display; headless:",
                "  " + WindowRun.HOW_TO_RUN})
public final class BenchCommand implements Callable<Integer> {

    enum Mode { THROUGHPUT, QUALITY, LATENCY, WINDOW, PRINT, FIRST_FRAME, ALL, CPU, SESSION }

    /** Mode names as typed: any case, "-" for "_" (first-frame). */
    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return Mode.valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "throughput", converter = ModeConverter.class,
            description = "throughput, quality, latency, window (the studio window's responsiveness; needs a"
                    + " display and target/atelier-tooling.jar), print (print sizes: --sizes default 1024,2048,4096,6000),"
                    + " first-frame (a fresh JVM's default render: time from Start and from launch to the first frame"
                    + " of each coarse-to-fine size and to the final picture; --sizes default the default size),"
                    + " all, cpu (only the CPU line), or session (a long run in the window: --iterations default 2000,"
                    + " the β slider moved every 50, memory sampled every 100; needs what window needs)."
                    + " Default: ${DEFAULT-VALUE}.")
    private Mode mode;

    @Option(names = "--backbones", split = ",", paramLabel = "ID", defaultValue = "squeezenet1_1,vgg19",
            description = "Backbones to time. Default: ${DEFAULT-VALUE}.")
    private List<String> backbones;

    @Option(names = "--sizes", split = ",", paramLabel = "PX", defaultValue = "256,384,512",
            description = "Long sides in pixels. Default: ${DEFAULT-VALUE}.")
    private List<Integer> sizes;

    @Option(names = "--optimizers", split = ",", paramLabel = "NAME", defaultValue = "adam",
            description = "Optimisers: adam, lbfgs; for --mode quality also adam+c2f, lbfgs+c2f"
                    + " (coarse-to-fine). Default: ${DEFAULT-VALUE}.")
    private List<String> optimizers;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed iterations first. Default: ${DEFAULT-VALUE}.")
    private int warmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "10",
            description = "Timed iterations. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--threads", paramLabel = "N",
            description = "Intra-op threads (libtorch, OpenMP). Default: the number of CPUs.")
    private Integer threads;

    @Option(names = "--quick", description = "A short run: 256 px unless --sizes is given, 2 warm-up and 5 timed iterations.")
    private boolean quick;

    @Option(names = "--raw", description = "Print only the RESULT/QUALITY/LATENCY/WINDOW lines, for scripts.")
    private boolean raw;

    @Option(names = "--content", paramLabel = "FILE", description = "Content photo. Default: the sample dog.jpg.")
    private Path content;

    @Option(names = "--style", paramLabel = "FILE", description = "Style image. Default: the sample scream.jpg.")
    private Path style;

    @Option(names = "--quality-fraction", paramLabel = "F", defaultValue = "0.05",
            description = "Time to quality stops when the cost is below F × its start. Default: ${DEFAULT-VALUE}.")
    private double qualityFraction;

    @Option(names = "--quality-size", paramLabel = "PX", defaultValue = "384",
            description = "Size of the time-to-quality job. Default: ${DEFAULT-VALUE}.")
    private int qualitySize;

    @Option(names = "--jvm-option", paramLabel = "OPT",
            description = "Extra option for the child JVMs (repeatable), e.g. -Xmx1g.")
    private List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--vgg19-weights", paramLabel = "FILE", hidden = true,
            description = "VGG19 .safetensors to use instead of searching.")
    private Path vgg19Weights;

    @Option(names = "--cpu-mhz", paramLabel = "MHZ", hidden = true,
            description = "All-core clock measured by the parent, so that each child need not measure it again.")
    private Double cpuMegahertz;

    @Option(names = "--working-size", paramLabel = "PX", defaultValue = "1024",
            description = "--mode print: the working size rendered whole before the tiled pass. Default: ${DEFAULT-VALUE}.")
    private int workingSize;

    @Option(names = "--tile-iterations", paramLabel = "N", defaultValue = "40",
            description = "--mode print: optimiser steps per tile. Default: ${DEFAULT-VALUE}.")
    private int tileIterations;

    @Option(names = "--frames", paramLabel = "FOLDER",
            description = "--mode first-frame: also save the first and last frame of each size there, to look at.")
    private Path framesFolder;

    @Option(names = "--child", hidden = true, description = "Run one configuration in this JVM and print its line.")
    private boolean child;

    @Option(names = "--serve", hidden = true,
            description = "Keep one configuration running in a child JVM and time batches on command (bench/pairs.py).")
    private boolean serve;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1 || warmup < 0 || iterations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads and --iterations must be at least 1, --warmup at least 0");
        }
        int cores = Math.min(threadCount, Runtime.getRuntime().availableProcessors());
        if (mode == Mode.CPU) {
            CpuPeak peak = CpuPeak.measure(cores);
            out.println(raw ? String.format(Locale.ROOT, "CPU peak_gflops=%.1f mhz=%.0f", peak.gflops(), peak.megahertz())
                    : cpuLine(peak));
            out.flush();
            return 0;
        }
        if ((mode == Mode.WINDOW || mode == Mode.SESSION) && WindowRun.unavailable().isPresent()) {
            spec.commandLine().getErr().println(WindowRun.unavailable().get());
            return 1;
        }
        if (quick) {
            if (!spec.commandLine().getParseResult().hasMatchedOption("--sizes")) {
                sizes = List.of(256);
            }
            warmup = Math.min(warmup, 2);
            iterations = Math.min(iterations, 5);
        }
        optimizers.forEach(BenchSetup::optimizer);
        if (mode != Mode.QUALITY && optimizers.stream().anyMatch(BenchSetup::coarseToFine)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "coarse-to-fine (+c2f) is measured only by --mode quality");
        }
        List<BackboneKind> kinds = new ArrayList<>();
        for (String id : backbones) {
            kinds.add(BackboneKind.fromId(id.trim()));
        }
        Path temporary = null;
        try {
            Path vgg = vgg19Weights;
            if (vgg == null && kinds.contains(BackboneKind.VGG19) && !child && mode != Mode.WINDOW
                    && mode != Mode.FIRST_FRAME && mode != Mode.SESSION) {
                Optional<Path> found = WeightsSearchPath.standard().find(BackboneKind.VGG19);
                if (found.isPresent()) {
                    vgg = found.get();
                } else {
                    temporary = Files.createTempDirectory("atelier-bench");
                    vgg = RandomVgg19Weights.write(temporary, 19);
                    note(out, "VGG19: no weights on the search path; random He-normal weights of the right shapes.");
                }
            }
            BenchSetup setup = new BenchSetup(image(content, BenchImages.CONTENT, 768, 576),
                    image(style, BenchImages.STYLE, 352, 448),
                    WeightsSearchPath.standard().find(BackboneKind.SQUEEZENET1_1).orElse(null), vgg);
            if (serve) {
                return serve(kinds.get(0), threadCount, vgg, setup);
            }
            if (child && mode == Mode.PRINT) {
                out.println(PrintRun.run(setup, kinds.get(0), sizes.get(0), workingSize, iterations,
                        PrintPass.Settings.of(PrintPass.Settings.DEFAULT.tileSize(), tileIterations, 1)));
                out.flush();
                return 0;
            }
            if (mode == Mode.PRINT) {
                print(out, kinds, threadCount, vgg);
                return 0;
            }
            if (mode == Mode.FIRST_FRAME) {
                firstFrame(out, threadCount, setup);
                return 0;
            }
            if (mode == Mode.SESSION) {
                return session(out, kinds.get(0), sizes.get(0), threadCount);
            }
            if (child) {
                BenchConfig config = new BenchConfig(kinds.get(0), sizes.get(0), optimizers.get(0), warmup, iterations,
                        threadCount);
                CpuPeak peak = CpuPeak.detect(cores, cpuMegahertz == null ? OptionalDouble.empty()
                        : OptionalDouble.of(cpuMegahertz));
                out.println(ThroughputRun.run(config, setup, peak).toLine());
                out.flush();
                return 0;
            }
            if (mode == Mode.THROUGHPUT || mode == Mode.ALL) {
                throughput(out, kinds, threadCount, CpuPeak.measure(cores), vgg);
            }
            if (mode == Mode.QUALITY || mode == Mode.ALL) {
                for (String optimizer : optimizers) {
                    out.println(QualityRun.run(setup, kinds.get(0), qualitySize, optimizer, qualityFraction, 2000,
                            raw ? null : spec.commandLine().getErr()));
                    out.flush();
                }
            }
            if (mode == Mode.LATENCY || mode == Mode.ALL) {
                out.println(LatencyRun.run(setup, kinds.get(0), sizes.get(0), quick ? 5 : 15));
                note(out, "FX-thread stall: not measured here; this is the engine side only (see --mode window).");
                out.flush();
            }
            if (mode == Mode.WINDOW) {
                for (BackboneKind kind : kinds) {
                    for (int size : sizes) {
                        window(out, kind, size, threadCount);
                    }
                }
            } else if (mode == Mode.ALL) {
                Optional<String> unavailable = WindowRun.unavailable();
                if (unavailable.isPresent()) {
                    spec.commandLine().getErr().println("Window responsiveness not measured. " + unavailable.get());
                } else {
                    window(out, kinds.get(0), sizes.get(0), threadCount);
                }
            }
            return 0;
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private void throughput(PrintWriter out, List<BackboneKind> kinds, int threadCount, CpuPeak peak, Path vgg)
            throws Exception {
        note(out, cpuLine(peak));
        note(out, "FLOPs: convolutions to the deepest tap, forward + input gradient (2x), Gram matrices 3x;"
                + " each configuration in a fresh JVM, " + threadCount + " threads");
        if (!raw) {
            out.printf(Locale.ROOT, "%-14s %5s %-6s %9s %7s %6s %6s %8s %7s %8s %6s%n", "backbone", "size", "opt",
                    "median ms", "spread", "it/s", "eval/it", "peak MB", "GFLOP", "GFLOP/s", "peak");
        }
        out.flush();
        for (BackboneKind kind : kinds) {
            for (int size : sizes) {
                for (String optimizer : optimizers) {
                    List<String> arguments = childArguments(kind, size, optimizer, threadCount, vgg,
                            List.of("--cpu-mhz", Double.toString(peak.megahertz())));
                    Optional<BenchResult> result = ChildJvm.run(jvmOptions, threadCount, arguments,
                            spec.commandLine().getErr());
                    if (result.isEmpty()) {
                        out.println("FAILED backbone=" + kind.id() + " size=" + size + " opt=" + optimizer);
                    } else if (raw) {
                        out.println(result.get().toLine());
                    } else {
                        printRow(out, result.get());
                    }
                    out.flush();
                }
            }
        }
    }

    /** Print sizes: each in a fresh JVM, the working render (--iterations) and then the tiled pass. */
    private void print(PrintWriter out, List<BackboneKind> kinds, int threadCount, Path vgg) throws Exception {
        List<Integer> printSizes = spec.commandLine().getParseResult().hasMatchedOption("--sizes") ? sizes
                : List.of(1024, 2048, 4096, 6000);
        note(out, "Print sizes: working render of " + iterations + " iterations at up to " + workingSize
                + " px, then 512 px tiles (64 px overlap), " + tileIterations + " steps each; one fresh JVM per size");
        for (BackboneKind kind : kinds) {
            for (int size : printSizes) {
                List<String> arguments = childArguments(kind, size, "adam", threadCount, vgg, List.of("--mode", "print",
                        "--working-size", Integer.toString(workingSize), "--tile-iterations",
                        Integer.toString(tileIterations)));
                Optional<String> line = ChildJvm.line(jvmOptions, threadCount, arguments, PrintRun.PREFIX,
                        spec.commandLine().getErr());
                out.println(line.orElse("FAILED print backbone=" + kind.id() + " size=" + size));
                out.flush();
            }
        }
    }

    /** The default render in a fresh JVM per size: from Start and from launch to each size's first frame. */
    private void firstFrame(PrintWriter out, int threadCount, BenchSetup setup) throws Exception {
        List<Integer> firstFrameSizes = spec.commandLine().getParseResult().hasMatchedOption("--sizes") ? sizes
                : List.of(Defaults.LONG_SIDE);
        for (int size : firstFrameSizes) {
            if (child) {
                out.println(FirstFrameRun.run(setup, size, null, framesFolder));
            } else {
                List<String> arguments = new ArrayList<>(List.of("--mode", "first-frame", "--sizes", Integer.toString(size),
                        "--threads", Integer.toString(threadCount)));
                optional(arguments, "--content", content);
                optional(arguments, "--style", style);
                optional(arguments, "--frames", framesFolder);
                Optional<String> line = ChildJvm.line(jvmOptions, threadCount, arguments, FirstFrameRun.PREFIX,
                        spec.commandLine().getErr());
                out.println(line.orElse("FAILED first-frame size=" + size));
                line.ifPresent(figures -> note(out, FirstFrameRun.summary(figures)));
            }
            out.flush();
        }
    }

    private static void optional(List<String> arguments, String option, Path value) {
        if (value != null) {
            arguments.addAll(List.of(option, value.toString()));
        }
    }

    /**
     * The batch server of one configuration: in the child JVM (the app's JVM options), which talks
     * to the driver over this process's own standard input and output.
     */
    private int serve(BackboneKind kind, int threadCount, Path vgg, BenchSetup setup) throws Exception {
        if (child) {
            BatchServer.serve(new BenchConfig(kind, sizes.get(0), optimizers.get(0), warmup, 0, threadCount), setup,
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    spec.commandLine().getOut());
            return 0;
        }
        return ChildJvm.serve(jvmOptions, threadCount, childArguments(kind, sizes.get(0), optimizers.get(0),
                threadCount, vgg, List.of("--serve")));
    }

    private List<String> childArguments(BackboneKind kind, int size, String optimizer, int threadCount, Path vgg,
                                        List<String> extra) {
        List<String> arguments = new ArrayList<>(extra);
        arguments.addAll(List.of("--backbones", kind.id(), "--sizes", Integer.toString(size), "--optimizers",
                optimizer, "--warmup", Integer.toString(warmup), "--iterations", Integer.toString(iterations),
                "--threads", Integer.toString(threadCount)));
        if (kind == BackboneKind.VGG19) {
            arguments.addAll(List.of("--vgg19-weights", vgg.toString()));
        }
        if (content != null) {
            arguments.addAll(List.of("--content", content.toString()));
        }
        if (style != null) {
            arguments.addAll(List.of("--style", style.toString()));
        }
        return arguments;
    }

    /** One configuration in the studio window; real weights only, since the window finds its own. */
    private void window(PrintWriter out, BackboneKind kind, int size, int threadCount) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String label = "backbone=" + kind.id() + " size=" + size;
        Optional<Path> contentFile = BenchImages.locate(content, BenchImages.CONTENT);
        Optional<Path> styleFile = BenchImages.locate(style, BenchImages.STYLE);
        if (contentFile.isEmpty() || styleFile.isEmpty()) {
            err.println("Window " + label + " skipped: it opens picture files, and " + BenchImages.CONTENT + " or "
                    + BenchImages.STYLE + " is not in the shared images folder; give --content and --style.");
            return;
        }
        if (WeightsSearchPath.standard().find(kind).isEmpty()) {
            err.println("Window " + label + " skipped: no " + kind.displayName() + " weights on the search path"
                    + " (the window uses real weights only).");
            return;
        }
        Optional<WindowSamples> samples = WindowRun.run(kind, size, quick ? 5 : 15, contentFile.get(), styleFile.get(),
                jvmOptions, threadCount, err);
        if (samples.isEmpty()) {
            out.println("FAILED window " + label);
        } else {
            out.println(samples.get().toLine());
            note(out, samples.get().summary());
        }
        out.flush();
    }

    /** A long session in the window: 2,000 iterations unless --iterations says otherwise. */
    private int session(PrintWriter out, BackboneKind kind, int size, int threadCount) throws Exception {
        Optional<Path> contentFile = BenchImages.locate(content, BenchImages.CONTENT);
        Optional<Path> styleFile = BenchImages.locate(style, BenchImages.STYLE);
        if (contentFile.isEmpty() || styleFile.isEmpty()) {
            spec.commandLine().getErr().println("The session opens picture files: give --content and --style.");
            return 1;
        }
        int length = spec.commandLine().getParseResult().hasMatchedOption("--iterations") ? iterations : 2000;
        note(out, "Session: " + kind.displayName() + " " + size + " px, " + length
                + " iterations, β slider moved every 50, memory sampled every 100");
        boolean done = SessionRun.run(kind, size, length, 50, 100, contentFile.get(), styleFile.get(), jvmOptions,
                threadCount, out, spec.commandLine().getErr());
        return done ? 0 : 1;
    }

    private static void printRow(PrintWriter out, BenchResult r) {
        double median = r.number("median_ms");
        out.printf(Locale.ROOT, "%-14s %5s %-6s %9.1f %6.0f%% %6.2f %6.2f %8.0f %7.2f %8.1f %5.0f%%%n",
                r.get("backbone"), r.get("size"), r.get("opt"), median,
                100 * (r.number("p90_ms") - r.number("p10_ms")) / median, r.number("it_s"), r.number("evals_per_it"),
                r.number("peak_rss_mb"), r.number("gflop_per_it"), r.number("gflops"),
                100 * r.number("peak_share"));
    }

    private static String cpuLine(CpuPeak peak) {
        return String.format(Locale.ROOT, "CPU: %s; fp32 peak %.0f GFLOP/s = %s; bf16 %s", peak.model(),
                peak.gflops(), peak.assumptions(), peak.bf16() ? "yes" : "no");
    }

    private void note(PrintWriter out, String text) {
        if (!raw) {
            out.println(text);
        }
    }

    private static RgbImage image(Path given, String sample, int width, int height) throws ImageLoadException {
        return BenchImages.load(given, sample, width, height);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
