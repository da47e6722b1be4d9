package app.atelier.cli;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.CostMode;
import app.atelier.engine.Defaults;
import app.atelier.engine.Frame;
import app.atelier.engine.InitMode;
import app.atelier.engine.InputWarnings;
import app.atelier.engine.JobSpec;
import app.atelier.engine.JobState;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderCost;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.RenderSize;
import app.atelier.engine.StyleLayer;
import app.atelier.engine.StyleSource;
import app.atelier.engine.StyleTransferJob;
import app.atelier.files.TemporarySibling;
import app.atelier.image.ImageLoadException;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.JpegWriter;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.model.ModelStore;
import app.atelier.model.UsableWeights;
import app.atelier.model.WeightsDownloader;
import app.atelier.model.WeightsResolution;
import app.atelier.model.WeightsSearchPath;
import app.atelier.settings.Pictures;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code atelier render}: one style transfer from files to a PNG, without the window. */
@Command(name = "render",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        customSynopsis = {"atelier render --content FILE --style FILE [--style FILE]... --out FILE.png [OPTIONS]",
                "atelier render --settings FILE.png|FILE.json --out FILE.png [OPTIONS]"},
        resourceBundle = "app.atelier.cli.RenderHelp",
        defaultValueProvider = RenderDefaults.class,
        header = "Renders a photo in the style of one or more paintings, without the window.",
        description = {
                "Renders the content photo in the style of the style image(s) and writes a PNG",
                "whose text metadata records the settings and pictures: give it to --settings (or open",
                "it in the window) to render it again.",
                "Layers per backbone: ${bundle:layers}."})
public final class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--settings", paramLabel = "FILE",
            description = {"Start from the settings and pictures of a PNG saved by Atelier (window or render)",
                    "or of a preset / settings file (.json); options given here override them."})
    private Path settingsFile;

    @Option(names = "--content", paramLabel = "FILE",
            description = "Content photo (JPEG or PNG). Required unless --settings names one.")
    private Path content;

    @Option(names = "--style", paramLabel = "FILE",
            description = "Style image (JPEG or PNG); repeat to blend several styles. Required unless --settings names them.")
    private List<Path> styles;

    @Option(names = "--style-weights", split = ",", paramLabel = "W",
            description = "Blend weights of the --style images, one per image (default: equal).")
    private List<Double> styleWeights;

    @Option(names = "--out", required = true, paramLabel = "FILE.png",
            description = "Output PNG; written atomically. An existing regular file is replaced unless it is an input or read-only; links and devices are refused.")
    private Path out;

    @Option(names = "--size", paramLabel = "PX",
            description = "Long side of the output in pixels. Default: ${DEFAULT-VALUE}.")
    private int size;

    @Option(names = "--alpha", paramLabel = "A", description = "Content weight α. Default: ${bundle:default.alpha}.")
    private Double alpha;

    @Option(names = "--beta", paramLabel = "B", description = "Style weight β. Default: ${bundle:default.beta}.")
    private Double beta;

    @Option(names = "--cost-mode", paramLabel = "MODE", description = "normalized: each cost relative to its target's"
            + " size, so α and β mean the same on every network and picture; exact: the design's formulas"
            + " (renders from before this option). Default: ${bundle:default.cost-mode}.")
    private String costMode;

    @Option(names = "--content-layer", split = ",", paramLabel = "LAYER",
            description = "Content layer(s); repeat or separate with commas. Default: ${bundle:default.content-layer}.")
    private List<String> contentLayers;

    @Option(names = "--style-layers", split = ",", paramLabel = "LAYER[:W]",
            description = "Style layers, each with an optional weight λ (default 1), comma separated."
                    + " Default: ${bundle:default.style-layers}.")
    private List<String> styleLayers;

    @Option(names = "--tv", paramLabel = "G",
            description = "Total-variation weight γ (smoothness; 0 = off). Default: ${bundle:default.tv}.")
    private Double tv;

    @Option(names = "--iterations", paramLabel = "N", description = "Optimiser steps. Default: ${DEFAULT-VALUE}.")
    private int iterations;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Learning rate (pixels in [0,1]). Default: ${bundle:default.lr}.")
    private Double learningRate;

    @Option(names = "--init", paramLabel = "noise|content|style|blend|recolored",
            description = "Start image (recolored: the photo in the painting's colours). Default: ${DEFAULT-VALUE}.")
    private InitMode init;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed for the noise; same seed and settings give the same picture. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Option(names = "--backbone", paramLabel = "squeezenet1_1|vgg19", converter = BackboneConverter.class,
            description = "Feature network. Default: ${DEFAULT-VALUE}.")
    private BackboneKind backbone;

    @Option(names = "--pool", paramLabel = "max|avg",
            description = "Pooling between VGG19 blocks (SqueezeNet ignores it). Default: ${DEFAULT-VALUE}.")
    private Pooling pooling;

    @Option(names = "--weights", paramLabel = "PATH",
            description = {"Weights: the squeezenet1_1 folder of .npy files or the vgg19 .safetensors file,",
                    "or a folder holding them. Default: searched in $ATELIER_MODELS, -Datelier.models,",
                    "then the user data folder."})
    private Path weights;

    @Option(names = "--download",
            description = {"Download the backbone's weights first when they are missing (progress on stderr),",
                    "into the --weights folder or else the user data folder."})
    private boolean download;

    @CommandLine.Mixin
    private DownloadMirrorOption mirror;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu",
            description = "Where to compute; auto takes a GPU when there is one. Default: ${DEFAULT-VALUE}.")
    private ComputeDevice device;

    @Option(names = "--optimizer", paramLabel = "adam|lbfgs",
            description = "Optimiser: adam, or lbfgs (fewer iterations, several cost evaluations each)."
                    + " Default: ${DEFAULT-VALUE}.")
    private OptimizerKind optimizer;

    @Option(names = "--lbfgs-history", paramLabel = "N",
            description = "Curvature pairs L-BFGS keeps. Default: ${DEFAULT-VALUE}.")
    private int lbfgsHistory;

    @Option(names = "--lbfgs-tolerance", paramLabel = "GRAD,COST", split = ",",
            description = {"L-BFGS stops when the largest gradient component falls to GRAD times the first one,",
                    "or a step lowers the cost by less than COST times the cost (both relative).",
                    "Default: ${DEFAULT-VALUE}."})
    private List<Double> lbfgsTolerance;

    @Option(names = "--scales", paramLabel = "N",
            description = "Coarse to fine: number of sizes, about √2 apart, ending at --size; 1 = single scale."
                    + " Default: ${DEFAULT-VALUE}.")
    private int scales;

    @Option(names = "--iterations-per-scale", paramLabel = "N",
            description = "Iterations at each size (replaces --iterations by N x --scales)."
                    + " Default: ${bundle:default.iterations-per-scale}.")
    private Integer iterationsPerScale;

    @Option(names = "--ema", paramLabel = "DECAY",
            description = "Output the moving average of the iterates with this decay, e.g. 0.95; 0 = off."
                    + " Default: ${DEFAULT-VALUE}.")
    private double emaDecay;

    @Option(names = "--original-colors", description = "Keep the content's colours: transfer luminance only.")
    private boolean originalColors;

    @Option(names = "--painting-palette", negatable = true,
            description = "End each size in the painting's colour distribution (--no-painting-palette: the"
                    + " optimiser's colours; --original-colors and --mask switch it off). Default: ${DEFAULT-VALUE}.")
    private boolean paintingPalette;

    @Option(names = "--bfloat16", negatable = true,
            description = "Run the network in bfloat16 arithmetic: about 30 %% faster with VGG19 on CPUs with"
                    + " native bfloat16 (AVX-512 BF16, AMX) and on graphics cards, pictures indistinguishable;"
                    + " elsewhere the render runs in float32 and says so. Default: ${DEFAULT-VALUE}.")
    private boolean bfloat16;

    @Option(names = "--match-histogram",
            description = "Match the style images' colour mean and covariance to the content's before the run.")
    private boolean matchHistogram;

    @Option(names = "--style-scale", paramLabel = "F",
            description = "Style image size relative to the output (brush size). Default: ${DEFAULT-VALUE}.")
    private double styleScale;

    @Option(names = "--mask", paramLabel = "FILE",
            description = "Mask image: white where the style applies, black where the content stays.")
    private Path mask;

    @Option(names = "--save-every", paramLabel = "N", defaultValue = "0",
            description = "Also save every N iterations next to --out (out-0050.png ...); 0 = off."
                    + " Default: ${DEFAULT-VALUE}.")
    private int saveEvery;

    @Option(names = "--log-every", paramLabel = "N", defaultValue = "10",
            description = "Print the losses every N iterations. Default: ${DEFAULT-VALUE}.")
    private int logEvery;

    @CommandLine.Mixin
    private QuietOption quiet;

    @CommandLine.Mixin
    private PrintOptions print;

    /** The print pass while it runs, so that Ctrl-C can end it; null before and without one. */
    private volatile PrintStage printStage;

    /** Set by {@link #validate()}: where the pictures may go, checked again before each write. */
    private OutputCheck outputCheck;

    @Override
    public Integer call() throws Exception {
        if (quiet.quiet()) {
            // slf4j-simple reads a logger's level when the logger is made; the engine's are made
            // when the job starts, after this, so its INFO lines (coarse to fine, converged) go.
            System.setProperty("org.slf4j.simpleLogger.log.app.atelier", "warn");
        }
        RenderRequest request = validate();
        return render(request);
    }

    /**
     * Everything a render needs, checked; built before any weights are loaded.
     *
     * @param printSpec the same settings at the print size when the render is refined in tiles, else null
     */
    private record RenderRequest(JobSpec spec, SettingsDocument settings, JobSpec printSpec) {
    }

    private RenderRequest validate() {
        if (settingsFile != null) {
            new SettingsFileOptions(spec.commandLine(), readSettings()).fill();
        }
        if (content == null) {
            throw usage("--content is required (or --settings FILE that names a photo that still exists)");
        }
        if (styles == null || styles.isEmpty()) {
            throw usage("--style is required (or --settings FILE that names paintings that still exist)");
        }
        requireAtLeast("--size", size, RenderSize.MIN_LONG_SIDE);
        String printProblem = print.problem(size);
        if (printProblem != null) {
            throw usage(printProblem);
        }
        int workingSize = print.workingSize(size);
        requireAtLeast("--iterations", iterations, 1);
        requireAtLeast("--save-every", saveEvery, 0);
        requireAtLeast("--log-every", logEvery, 1);
        LiveParameters defaults = Defaults.parameters(backbone);
        double alphaValue = nonNegative("--alpha", alpha, defaults.alpha());
        double betaValue = nonNegative("--beta", beta, defaults.beta());
        double tvValue = nonNegative("--tv", tv, defaults.tvWeight());
        CostMode costModeValue;
        try {
            costModeValue = costMode == null ? defaults.costMode() : CostMode.fromId(costMode);
        } catch (IllegalArgumentException e) {
            throw usage("--cost-mode: " + e.getMessage());
        }
        double lrValue = learningRate == null ? defaults.learningRate() : learningRate;
        if (!(lrValue > 0 && lrValue <= LiveParameters.MAX_LEARNING_RATE)) {
            throw usage("--lr must be a number > 0 and at most " + RenderHelp.number(LiveParameters.MAX_LEARNING_RATE)
                    + " (pixels span 0..1; larger steps only make noise), got " + RenderHelp.number(lrValue));
        }
        List<String> contentLayerNames = contentLayers == null ? defaults.contentLayers() : contentLayers;
        contentLayerNames.forEach(this::requireKnownLayer);
        List<StyleLayer> styleLayerList = styleLayers == null ? defaults.styleLayers() : parseStyleLayers(styleLayers);
        List<Double> blend = styleBlendWeights();
        outputCheck = new OutputCheck(inputsByOption());
        outputCheck.problem(out, "--out").ifPresent(problem -> {
            throw usage(problem);
        });
        TemporarySibling.removeLeftovers(out);

        RgbImage contentImage = load(content, "--content");
        List<StyleSource> styleSources = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            styleSources.add(new StyleSource(load(styles.get(i), "--style"), blend.get(i)));
        }
        RenderQuality quality = quality();
        int totalIterations = quality.totalIterations(iterations);
        LiveParameters parameters = new LiveParameters(
                alphaValue, betaValue, tvValue, lrValue, contentLayerNames, styleLayerList, costModeValue);
        RenderSize.problem(backbone, parameters, contentImage, styleSources.stream().map(StyleSource::image).toList(),
                workingSize, quality).ifPresent(problem -> {
                    throw usage(problem);
                });
        Path weightsPath = resolveWeights();
        checkWeights(weightsPath);
        JobSpec jobSpec = new JobSpec(backbone, weightsPath, pooling, device, contentImage, styleSources,
                workingSize, init, seed, totalIterations, parameters, quality);
        JobSpec printSpec = print.tiled(size) ? jobSpec.withLongSide(size) : null;
        SettingsDocument document = SettingsDocument.of(RenderSettings.of(printSpec != null ? printSpec : jobSpec,
                parameters), Pictures.ofFiles(content, styles, blend, mask), null);
        return new RenderRequest(jobSpec, printSpec == null ? document : document.withPrint(print.setting(workingSize)),
                printSpec);
    }

    private SettingsDocument readSettings() {
        try {
            return SettingsCodec.read(settingsFile);
        } catch (IOException e) {
            throw usage("--settings: " + e.getMessage());
        }
    }

    private int render(RenderRequest request) throws InterruptedException, IOException {
        PrintWriter err = spec.commandLine().getErr();
        InputWarnings.of(request.spec()).forEach(warning -> err.println("Warning: " + warning));
        if (!quiet.quiet()) {
            RenderCost.notice(request.spec()).ifPresent(notice -> err.println("Note: " + notice));
        }
        int planned = request.spec().iterations();
        IntermediateSaver saver = new IntermediateSaver(out, saveEvery, planned, request.settings(), err, outputCheck);
        ProgressReporter reporter = new ProgressReporter(err, planned, logEvery, quiet.quiet(), saver::offer);
        CountDownLatch outputHandled = new CountDownLatch(1);
        long started = System.nanoTime();
        try (StyleTransferJob job = StyleTransferJob.start(request.spec());
             AutoCloseable subscription = job.subscribe(reporter)) {
            Thread interruptHook = new Thread(() -> {
                // Ctrl-C: stop after the current iteration and give the main thread time to save
                // the last picture before the JVM halts (it halts when this hook returns).
                job.stop();
                PrintStage stage = printStage;
                if (stage != null) {
                    stage.cancel();
                }
                try {
                    outputHandled.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "atelier-render-interrupt");
            Runtime.getRuntime().addShutdownHook(interruptHook);
            try {
                while (!job.awaitFinished(Duration.ofMinutes(1))) {
                    // A render may legitimately take hours; just keep waiting.
                }
                reporter.awaitFinished(30, TimeUnit.SECONDS);
                return finish(job, reporter, request, started);
            } finally {
                outputHandled.countDown();
                ShutdownHooks.remove(interruptHook);
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // Only subscription.close() declares Exception; a failure there is a bug worth seeing.
            throw new IllegalStateException("could not end the render cleanly: " + e.getMessage(), e);
        }
    }

    private int finish(StyleTransferJob job, ProgressReporter reporter, RenderRequest request, long started)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        JobState state = job.state();
        Frame last = job.latestFrame().orElse(null);
        if (state == JobState.FAILED) {
            Throwable cause = reporter.failure();
            // The job keeps only a picture measured good (after a divergence, the one before it).
            boolean written = last != null && writeOutput(request, last, false) != null;
            err.println("Error: the render failed: " + (cause == null ? "unknown cause" : cause.getMessage())
                    + (written ? " The last good picture, from iteration " + last.iteration() + ", is in " + out + "."
                    : " Nothing was written."));
            err.flush();
            return AtelierCommand.EXIT_FAILURE;
        }
        if (last == null) {
            err.println("Error: the render stopped before its first iteration; nothing was written");
            err.flush();
            return AtelierCommand.EXIT_FAILURE;
        }
        RgbImage picture = writeOutput(request, last, state == JobState.COMPLETED);
        if (picture == null) {
            return AtelierCommand.EXIT_FAILURE;
        }
        if (!quiet.quiet()) {
            double seconds = (System.nanoTime() - started) / 1e9;
            String how = state == JobState.STOPPED
                    ? "stopped at iteration " + last.iteration() + " of " + job.spec().iterations()
                    : last.iteration() + " iterations";
            if (printStage != null && printStage.cancelled() && state == JobState.COMPLETED) {
                how += ", print pass stopped";
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%dx%d, %s, %.1f s)%n",
                    out, picture.width(), picture.height(), how, seconds);
            spec.commandLine().getOut().flush();
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * Writes the picture of {@code last} to --out after checking the path again, refined at print
     * size when the request has a print spec (upscaled only, when not {@code refine}); returns it,
     * or null (and one line) when it cannot be written.
     */
    private RgbImage writeOutput(RenderRequest request, Frame last, boolean refine) throws IOException {
        Optional<String> problem = outputCheck.problem(out, "--out");
        if (problem.isPresent()) {
            spec.commandLine().getErr().println("Error: " + problem.get() + "; nothing was written");
            spec.commandLine().getErr().flush();
            return null;
        }
        RgbImage picture = request.printSpec() == null ? last.image() : printed(request.printSpec(), last.image(), refine);
        Map<String, String> text = SettingsCodec.toPngText(request.settings().atIteration(last.iteration()));
        if (PrintOptions.jpeg(out)) {
            JpegWriter.write(picture, out, text, print.jpegQuality, print.dpi);
        } else {
            PngWriter.write(picture, out, text, print.dpi);
        }
        return picture;
    }

    /**
     * The working render refined at print size; when the render was stopped, or the pass fails,
     * the best full-size picture there is (the working render upscaled, plus any finished tiles).
     */
    private RgbImage printed(JobSpec printSpec, RgbImage working, boolean refine) {
        PrintWriter err = spec.commandLine().getErr();
        PrintStage stage = new PrintStage(printSpec, working, print.settings());
        printStage = stage;
        if (!refine) {
            stage.cancel();
        }
        try {
            return stage.run(err, quiet.quiet() || !refine);
        } catch (Exception e) {
            err.println("Error: the print pass failed: " + e.getMessage() + "; the print as far as it got is written");
            err.flush();
            RgbImage partial = stage.current();
            return partial != null ? partial : ImageResizer.toLongSide(working, printSpec.longSide());
        }
    }

    /** The quality options, checked; the mask is loaded here so a bad file fails before the weights load. */
    private RenderQuality quality() {
        requireAtLeast("--lbfgs-history", lbfgsHistory, 1);
        requireAtMost("--lbfgs-history", lbfgsHistory, RenderQuality.MAX_LBFGS_HISTORY);
        requireAtLeast("--scales", scales, 1);
        requireAtMost("--scales", scales, RenderQuality.MAX_SCALES);
        if (iterationsPerScale != null) {
            requireAtLeast("--iterations-per-scale", iterationsPerScale, 1);
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw usage("--ema must be a decay in [0, 1), e.g. 0.95, got " + RenderHelp.number(emaDecay));
        }
        if (!(styleScale > 0) || Double.isInfinite(styleScale)) {
            throw usage("--style-scale must be a number > 0, e.g. 0.5 for smaller strokes, got "
                    + RenderHelp.number(styleScale));
        }
        if (lbfgsTolerance.size() != 2 || lbfgsTolerance.stream().anyMatch(t -> !(t >= 0 && t < 1))) {
            throw usage("--lbfgs-tolerance takes two shares in [0, 1) separated by a comma, e.g. 1e-5,1e-7");
        }
        // Defaults.QUALITY, not RenderQuality.DEFAULT: what the window's Start uses when nothing is set.
        return Defaults.QUALITY.withOptimizer(optimizer)
                .withLbfgs(lbfgsHistory, lbfgsTolerance.get(0), lbfgsTolerance.get(1))
                .withScales(scales, iterationsPerScaleValue())
                .withEmaDecay(emaDecay)
                .withOriginalColors(originalColors)
                .withPaintingPalette(paintingPalette)
                .withBfloat16(bfloat16)
                .withMatchHistogram(matchHistogram)
                .withStyleScale(styleScale)
                .withMask(mask == null ? null : load(mask, "--mask"));
    }

    /**
     * The per-size count given, else the default's; but a run length given with --iterations (or
     * recorded in a --settings file) is split evenly over the sizes, as it says.
     */
    private int iterationsPerScaleValue() {
        if (iterationsPerScale != null) {
            return iterationsPerScale;
        }
        boolean lengthGiven = settingsFile != null || spec.commandLine().getParseResult().hasMatchedOption("--iterations");
        return lengthGiven ? 0 : Defaults.QUALITY.iterationsPerScale();
    }

    private List<Double> styleBlendWeights() {
        if (styleWeights == null) {
            return styles.stream().map(s -> 1.0).toList();
        }
        if (styleWeights.size() != styles.size()) {
            throw usage("--style-weights has " + styleWeights.size() + " value(s) but there are "
                    + styles.size() + " --style image(s); give one weight per image");
        }
        for (double w : styleWeights) {
            nonNegative("--style-weights", w, 0);
        }
        if (styleWeights.stream().allMatch(w -> w == 0)) {
            throw usage("--style-weights are all 0; at least one style must have a weight > 0");
        }
        return styleWeights;
    }

    private List<StyleLayer> parseStyleLayers(List<String> specs) {
        List<StyleLayer> result = new ArrayList<>();
        for (String item : specs) {
            String text = item.strip();
            int colon = text.indexOf(':');
            String name = colon < 0 ? text : text.substring(0, colon).strip();
            double weight = 1.0;
            if (colon >= 0) {
                String number = text.substring(colon + 1).strip();
                try {
                    weight = Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw usage("--style-layers: '" + number + "' is not a number in '" + text
                            + "'; write LAYER or LAYER:WEIGHT, e.g. fire2:0.5");
                }
                if (!(weight >= 0) || Double.isInfinite(weight)) {
                    throw usage("--style-layers: the weight of " + name + " must be a number >= 0, got " + number);
                }
            }
            requireKnownLayer(name);
            result.add(new StyleLayer(name, weight));
        }
        return result;
    }

    private void requireKnownLayer(String name) {
        if (!backbone.taps().contains(name)) {
            throw usage("unknown layer '" + name + "' for " + backbone.id() + "; valid layers: "
                    + String.join(", ", backbone.taps()));
        }
    }

    /**
     * --weights may name the weights themselves or a models folder holding them; without it the
     * search path (ATELIER_MODELS, -Datelier.models, the user data folder, then the built-in
     * SqueezeNet 1.1) is used.
     */
    private Path resolveWeights() {
        if (weights != null) {
            if (Files.isRegularFile(weights)) {
                checkWeights(weights);
            }
            Optional<Path> found = WeightsResolution.at(weights, backbone);
            if (found.isEmpty() && download && Files.isDirectory(weights)) {
                return downloadInto(new ModelStore(new WeightsSearchPath(List.of(weights)), weights,
                        new WeightsDownloader(), mirror.catalogue()));
            }
            return found.orElseThrow(() -> usage(WeightsResolution.notFoundAt(weights, backbone)));
        }
        WeightsSearchPath searchPath = WeightsSearchPath.standard();
        Optional<Path> found = searchPath.find(backbone);
        if (found.isEmpty() && download) {
            return downloadInto(ModelStore.standard(mirror.catalogue()));
        }
        return found.orElseThrow(() -> usage(WeightsResolution.notFoundForCommandLine(backbone, searchPath)));
    }

    /** Weights that cannot be used are one line before any work, not an engine failure with a trace. */
    private void checkWeights(Path weightsPath) {
        try {
            UsableWeights.check(backbone, weightsPath);
        } catch (IOException e) {
            throw usage(e.getMessage());
        }
    }

    /** The weights of {@link #backbone} from {@code store}, downloaded first when missing; a failure says how to go on. */
    private Path downloadInto(ModelStore store) {
        try {
            return ModelsCommand.findOrDownload(store, backbone, spec.commandLine().getErr(), quiet);
        } catch (IOException e) {
            // The progress line may end without a newline; the error must start on its own line.
            spec.commandLine().getErr().println();
            throw new java.io.UncheckedIOException("could not get the " + backbone.id()
                    + " weights: " + e.getMessage() + " Or pass --weights PATH to weights you have.", e);
        }
    }

    private Map<Path, String> inputsByOption() {
        Map<Path, String> inputs = new java.util.LinkedHashMap<>();
        inputs.put(content, "--content");
        styles.forEach(style -> inputs.put(style, "--style"));
        if (mask != null) {
            inputs.put(mask, "--mask");
        }
        if (weights != null) {
            inputs.put(weights, "--weights");
        }
        return inputs;
    }

    private RgbImage load(Path file, String option) {
        try {
            return ImageLoader.load(file);
        } catch (ImageLoadException e) {
            throw usage(option + ": " + e.getMessage());
        }
    }

    private double nonNegative(String option, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw usage(option + " must be a number >= 0, got " + RenderHelp.number(v));
        }
        return v;
    }

    private void requireAtMost(String option, int value, int maximum) {
        if (value > maximum) {
            throw usage(option + " must be at most " + maximum + ", got " + value);
        }
    }

    private void requireAtLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw usage(option + " must be at least " + minimum + ", got " + value);
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Accepts the backbone ids of {@link BackboneKind} with its own message for unknown names. */
    static final class BackboneConverter implements CommandLine.ITypeConverter<BackboneKind> {
        @Override
        public BackboneKind convert(String value) {
            try {
                return BackboneKind.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
