package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optimisation itself: from the start picture through every size of the coarse-to-fine
 * schedule, one optimiser step per iteration, each ending in a record and a frame for the job's
 * output. Between iterations it takes up the user's requests (pause, stop, new parameters, new
 * pictures or size). Moving on to the next size and taking new pictures are the same move,
 * {@link #switchStage}: targets built at the new size, the picture carried over, the average and
 * the optimiser's history forgotten. It owns the job's long-lived arrays (pixels, the average, the
 * optimiser's state) in the manager it is given, and the current {@link ScaleStage}.
 *
 * <p>Pixels are optimised in [0, 1] RGB, clamped after every step, rather than in the backbone's
 * normalised space: every iterate is then a displayable picture, the learning rate means the same
 * for both backbones and all channels, and clamping keeps the optimiser from wandering into
 * colours the network never saw.
 *
 * <p>Used only on the job's worker thread.
 */
final class OptimisationLoop {

    private static final Logger LOG = LoggerFactory.getLogger(OptimisationLoop.class);

    /** A cost that is no longer a number or rose far above its start; its message is written for the user. */
    static final class DivergedException extends RuntimeException {
        DivergedException(String message) {
            super(message);
        }
    }

    private final String name;
    private final Backbone backbone;
    private final NDManager jobManager;
    private final JobRequests requests;
    private final JobOutput output;
    private final RenderQuality quality;
    private final PixelOptimizer optimizer;
    private final IterateAverage average;
    private final DivergenceWatch divergence = new DivergenceWatch();

    private ScaleStage.Images images;
    /** The painting's palette for the end of each size; null when the picture keeps its own colours. */
    private PaletteTransfer palette;
    private ScaleSchedule schedule;
    private int scale;
    private ScaleStage stage;
    private NDArray pixels;
    private int evaluations;

    /** Live NDArrays of the job after the last iteration; -1 before the first (see the memory test). */
    private volatile int arraysAfterLastIteration = -1;

    OptimisationLoop(String name, Backbone backbone, NDManager jobManager, JobRequests requests, JobOutput output) {
        this.name = name;
        this.backbone = backbone;
        this.jobManager = jobManager;
        this.requests = requests;
        this.output = output;
        JobSpec initial = requests.spec();
        this.quality = initial.quality();
        this.images = ScaleStage.Images.prepare(initial.content(), initial.styles(), quality.mask(),
                quality.matchHistogram());
        this.palette = paletteOf(images);
        this.schedule = ScaleSchedule.of(initial.longSide(), quality.scales(), initial.iterations(),
                quality.iterationsPerScale());
        this.optimizer = PixelOptimizer.create(quality, jobManager);
        this.average = new IterateAverage(quality.emaDecay(), jobManager);
    }

    /** Builds the first stage and runs until done or stopped; returns COMPLETED or STOPPED. */
    JobState run() {
        JobSpec initial = requests.spec();
        stage = new ScaleStage(backbone, jobManager, images, schedule.longSide(scale), quality.styleScale());
        try {
            pixels = ImageTensors.toTensor(jobManager, StartImages.of(initial, stage.content()), DataType.FLOAT32);
            stage.objective().prepare(requests.parameters());
            if (!requests.startRunning()) {
                return JobState.STOPPED;
            }
            if (schedule.count() > 1) {
                LOG.info("{}: coarse to fine, {}", name, schedule);
            }
            JobState end = iterate();
            finishInPalette();
            return end;
        } finally {
            stage.close();
        }
    }

    private JobState iterate() {
        LiveParameters previous = null;
        int iteration = 0;
        int endOfScale = schedule.iterations(scale);
        while (true) {
            if (iteration >= endOfScale || optimizer.converged()) {
                if (scale == schedule.count() - 1) {
                    if (optimizer.converged()) {
                        LOG.info("{}: the optimiser converged after {} iterations", name, iteration);
                    }
                    return JobState.COMPLETED;
                }
                scale++;
                endOfScale = iteration + schedule.iterations(scale);
                // Carry the picture (the average, when there is one) up to the next size, in the
                // painting's palette so the larger size refines those colours.
                switchStage(inPalette(ImageTensors.toImage(average.current(pixels))));
            }
            JobRequests.Turn turn = requests.awaitTurn();
            if (turn.stop()) {
                return JobState.STOPPED;
            }
            if (turn.retarget() != null) {
                JobRequests.Retarget retarget = turn.retarget();
                images = ScaleStage.Images.prepare(retarget.content(), retarget.styles(), quality.mask(),
                        quality.matchHistogram());
                palette = paletteOf(images);
                schedule = schedule.resizedTo(retarget.longSide());
                switchStage(ImageTensors.toImage(pixels));
            }
            long started = System.nanoTime();
            LiveParameters current = requests.parameters();
            boolean changed = previous != null && !previous.equals(current);
            iteration++;
            Step step = step(current, changed, iteration);
            IterationRecord record = new IterationRecord(iteration, step.loss(), current, changed,
                    System.nanoTime() - started, evaluations, scale + 1, schedule.count(), started);
            previous = current;
            arraysAfterLastIteration = jobManager.getManagedArrays().size();
            Frame frame = new Frame(record, schedule.totalIterations(), step.picture());
            output.publishIteration(record, frame);
            divergence.published(frame);
        }
    }

    private PaletteTransfer paletteOf(ScaleStage.Images prepared) {
        return quality.usesPaintingPalette()
                ? PaletteTransfer.of(prepared.styles().stream().map(StyleSource::image).toList(),
                prepared.styles().stream().map(StyleSource::weight).toList())
                : null;
    }

    private RgbImage inPalette(RgbImage picture) {
        return palette == null ? picture : palette.apply(picture);
    }

    /**
     * The job's last picture, completed or stopped, in the painting's palette: the optimiser
     * matches the painting's colour statistics only roughly (PaletteTransfer's comment has the figures).
     */
    private void finishInPalette() {
        if (palette != null) {
            output.latestFrame().ifPresent(last -> output.publishFrame(
                    new Frame(last.record(), last.totalIterations(), palette.apply(last.image()))));
        }
    }

    /** The cost an iteration started from, and the picture to show after it. */
    private record Step(LossBreakdown loss, RgbImage picture) {
    }

    /** One optimiser step at the current stage. */
    private Step step(LiveParameters current, boolean changed, int iteration) {
        if (changed) {
            optimizer.costChanged();
            divergence.restart();
        }
        stage.objective().prepare(current);
        ScaleStage evaluating = stage;
        try (NDManager scope = jobManager.newSubManager()) {
            LossBreakdown loss = optimizer.step(pixels, (x, s) -> {
                evaluations++;
                return CostGradient.at(evaluating.objective(), x, current, s, evaluating::composite);
            }, current.learningRate(), scope);
            requireConverging(loss, iteration, current);
            average.add(pixels, scope);
            return new Step(loss, stage.picture(average.current(pixels), quality.originalColors(), scope));
        }
    }

    /**
     * Divergence ends the job with a message for the user; the job's latest frame goes back to the
     * last one measured good (none when the first cost already diverged), so the picture it keeps
     * is never the noise that diverged.
     */
    private void requireConverging(LossBreakdown loss, int iteration, LiveParameters current) {
        java.util.Optional<String> diverged = divergence.check(loss, iteration, current);
        if (diverged.isPresent()) {
            output.keepOnly(divergence.lastGood());
            throw new DivergedException(diverged.get());
        }
    }

    /**
     * The one stage switch: targets for the current images at the current scale's size, the
     * picture {@code carried} resized to it, and the average and the optimiser's history
     * forgotten (they belong to the old size or the old cost).
     */
    private void switchStage(RgbImage carried) {
        ScaleStage next = new ScaleStage(backbone, jobManager, images, schedule.longSide(scale), quality.styleScale());
        stage.close();
        stage = next;
        RgbImage size = stage.content();
        if (size.width() != pixels.getShape().get(3) || size.height() != pixels.getShape().get(2)) {
            RgbImage resized = ImageResizer.resize(carried, size.width(), size.height());
            pixels.close();
            pixels = ImageTensors.toTensor(jobManager, resized, DataType.FLOAT32);
        }
        average.reset();
        optimizer.reset();
        divergence.restart();
    }

    /** NDArrays the job held after its last iteration, or -1 before the first; for memory tests. */
    int arraysAfterLastIteration() {
        return arraysAfterLastIteration;
    }
}
