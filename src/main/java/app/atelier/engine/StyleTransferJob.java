package app.atelier.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Gatys optimisation: Adam on the pixels of the generated picture (RGB in [0, 1]),
 * against content activations and style Gram matrices computed once, without gradient.
 *
 * <p>All compute runs on one worker thread owned by the job. Every public method is thread-safe
 * and returns at once (never waits for an iteration), so it may be called from the JavaFX thread.
 *
 * <p>Pixels are optimised in [0, 1] RGB, clamped after every step, rather than in the backbone's
 * normalised space: every iterate is then a displayable picture, the learning rate means the
 * same for both backbones and all channels, and clamping keeps Adam from wandering into colours
 * the network never saw.
 */
public final class StyleTransferJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StyleTransferJob.class);
    private static final AtomicInteger JOB_NUMBERS = new AtomicInteger();

    /** Share of noise in the BLEND start image; enough to break the photo's flat areas. */
    static final double BLEND_NOISE_SHARE = 0.4;

    /**
     * DJL's PyTorch engine allows one open GradientCollector in the whole JVM (a static flag), so
     * jobs running side by side take turns for the forward/backward pass.
     */
    private static final Object GRADIENT_LOCK = new Object();

    private record Retarget(RgbImage content, List<StyleSource> styles, int longSide) {
    }

    private final int number;
    private final Object lock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread worker;
    private final BackboneCache cache;

    // Guarded by lock.
    private JobSpec spec;
    private LiveParameters parameters;
    private JobState state = JobState.PREPARING;
    private Throwable failure;
    private Frame latestFrame;
    private final List<ListenerChannel> channels = new ArrayList<>();
    private boolean pauseRequested;
    private boolean stopRequested;
    private boolean ended;
    private Retarget pendingRetarget;
    private int listenerNumbers;

    /** Live NDArrays of the job after the last iteration; -1 before the first (see the memory test). */
    private volatile int arraysAfterLastIteration = -1;

    /** {@code -Datelier.computePriority=normal} keeps compute at the normal priority (to measure the difference). */
    public static final String NORMAL_PRIORITY_PROPERTY = "atelier.computePriority";

    private StyleTransferJob(JobSpec spec, BackboneCache cache) {
        this.spec = spec;
        this.parameters = spec.parameters();
        this.cache = cache;
        this.number = JOB_NUMBERS.incrementAndGet();
        this.worker = new Thread(this::run, "atelier-job-" + number);
        worker.setDaemon(true);
    }

    /**
     * Starts a job on its own worker thread: loads weights, computes targets, then iterates.
     *
     * @throws IllegalArgumentException when the parameters name a layer the backbone lacks
     */
    public static StyleTransferJob start(JobSpec spec) {
        Objects.requireNonNull(spec, "spec");
        requireKnownLayers(spec.backbone(), spec.parameters());
        StyleTransferJob job = new StyleTransferJob(spec, BackboneCache.shared());
        job.worker.start();
        return job;
    }

    /**
     * Adds a listener; it first receives the current state and the latest frame, if any.
     *
     * @return a handle whose close() removes the listener and ends its delivery thread
     */
    public AutoCloseable subscribe(JobListener listener) {
        Objects.requireNonNull(listener, "listener");
        ListenerChannel channel;
        synchronized (lock) {
            channel = new ListenerChannel(listener, worker.getName() + "-listener-" + ++listenerNumbers);
            channel.publishState(state, failure);
            if (latestFrame != null) {
                channel.publishFrame(latestFrame);
            }
            if (ended) {
                channel.endAfterQueued();
            } else {
                channels.add(channel);
            }
        }
        return () -> {
            synchronized (lock) {
                channels.remove(channel);
            }
            channel.close();
        };
    }

    /**
     * Applies from the next iteration; the image is kept.
     *
     * @throws IllegalArgumentException when a layer does not exist in this job's backbone
     */
    public void setParameters(LiveParameters parameters) {
        Objects.requireNonNull(parameters, "parameters");
        synchronized (lock) {
            requireKnownLayers(spec.backbone(), parameters);
            this.parameters = parameters;
        }
    }

    public LiveParameters parameters() {
        synchronized (lock) {
            return parameters;
        }
    }

    /**
     * Recomputes the targets for new images or a new size, keeping the current picture (resized
     * when the size changes) and the iteration count; the job goes on running. Takes effect
     * before the next iteration; a later call replaces one not yet taken up.
     */
    public void retarget(RgbImage content, List<StyleSource> styles, int longSide) {
        synchronized (lock) {
            JobSpec updated = new JobSpec(spec.backbone(), spec.weights(), spec.pooling(), spec.device(), content,
                    styles, longSide, spec.init(), spec.seed(), spec.iterations(), spec.parameters(), spec.quality());
            pendingRetarget = new Retarget(updated.content(), updated.styles(), updated.longSide());
            spec = updated;
            lock.notifyAll();
        }
    }

    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Ends the job after the current iteration; the last frame stays available. */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    public JobState state() {
        synchronized (lock) {
            return state;
        }
    }

    public Optional<Frame> latestFrame() {
        synchronized (lock) {
            return Optional.ofNullable(latestFrame);
        }
    }

    public JobSpec spec() {
        synchronized (lock) {
            return spec;
        }
    }

    /** Waits until the job has finished; true when it did within the timeout. Never call on the FX thread. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the job, waits for the worker to end and frees every tensor. */
    @Override
    public void close() {
        stop();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ListenerChannel> remaining;
        synchronized (lock) {
            remaining = List.copyOf(channels);
            channels.clear();
        }
        for (ListenerChannel channel : remaining) {
            channel.awaitEnd(2000);
        }
    }

    /** NDArrays the job held after its last iteration, or -1 before the first; for memory tests. */
    int arraysAfterLastIteration() {
        return arraysAfterLastIteration;
    }

    private static void requireKnownLayers(BackboneKind backbone, LiveParameters parameters) {
        for (String layer : parameters.contentLayers()) {
            requireTap(backbone, layer, "content");
        }
        for (StyleLayer layer : parameters.styleLayers()) {
            requireTap(backbone, layer.name(), "style");
        }
    }

    private static void requireTap(BackboneKind backbone, String layer, String role) {
        if (!backbone.taps().contains(layer)) {
            throw new IllegalArgumentException("unknown " + role + " layer '" + layer + "' for "
                    + backbone.displayName() + "; choose from " + String.join(", ", backbone.taps()));
        }
    }

    /** The device a setting means on this machine. */
    static Device resolveDevice(ComputeDevice setting) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (setting) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("No GPU is available to PyTorch on this machine; choose CPU.");
                }
                yield Device.gpu();
            }
        };
    }

    // ---- worker thread --------------------------------------------------------------------

    private void run() {
        if (!"normal".equals(System.getProperty(NORMAL_PRIORITY_PROPERTY))) {
            ComputeThreads.lowerCurrentThreadPriority();
        }
        JobState end = JobState.FAILED;
        Throwable cause = null;
        JobSpec initial = spec();
        try {
            Device device = resolveDevice(initial.device());
            try (BackboneCache.Lease lease = cache.acquire(initial.backbone(), initial.weights(), initial.pooling(),
                    device, DataType.FLOAT32);
                 NDManager jobManager = NDManager.newBaseManager(device)) {
                end = iterate(initial, lease.backbone(), jobManager);
            }
        } catch (NonFiniteCostException e) {
            LOG.warn("style transfer job {} failed: {}", number, e.getMessage());
            cause = e;
        } catch (Exception | Error e) {
            LOG.error("style transfer job {} failed", number, e);
            cause = new IllegalStateException(describe(e), e);
        } finally {
            synchronized (lock) {
                publishStateLocked(end, cause);
                ended = true;
                channels.forEach(ListenerChannel::endAfterQueued);
            }
            finished.countDown();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof OutOfMemoryError) {
            return "Out of memory: try a smaller output size or a lighter backbone.";
        }
        return message != null && !message.isBlank() ? message : "Unexpected engine error: " + e;
    }

    private JobState iterate(JobSpec initial, Backbone backbone, NDManager jobManager) {
        RenderQuality quality = initial.quality();
        ScaleStage.Images images = ScaleStage.Images.prepare(initial.content(), initial.styles(), quality.mask(),
                quality.matchHistogram());
        ScaleSchedule schedule = ScaleSchedule.of(initial.longSide(), quality.scales(), initial.iterations(),
                quality.iterationsPerScale());
        int scale = 0;
        ScaleStage stage = new ScaleStage(backbone, jobManager, images, schedule.longSide(scale), quality.styleScale());
        NDArray pixels = ImageTensors.toTensor(jobManager, startImage(initial, stage.content()), DataType.FLOAT32);
        PixelOptimizer optimizer = createOptimizer(quality, jobManager);
        IterateAverage average = new IterateAverage(quality.emaDecay(), jobManager);
        int[] evaluations = {0};
        stage.objective().prepare(parameters());
        if (!publishStateUnlessStopped(JobState.RUNNING)) {
            stage.close();
            return JobState.STOPPED;
        }
        if (schedule.count() > 1) {
            LOG.info("job {}: coarse to fine, {}", number, schedule);
        }
        LiveParameters previous = null;
        int iteration = 0;
        int endOfScale = schedule.iterations(scale);
        try {
            while (true) {
                if (iteration >= endOfScale || optimizer.converged()) {
                    if (scale == schedule.count() - 1) {
                        if (optimizer.converged()) {
                            LOG.info("job {}: the optimiser converged after {} iterations", number, iteration);
                        }
                        break;
                    }
                    // Carry the picture (the average, when there is one) up to the next size.
                    scale++;
                    endOfScale = iteration + schedule.iterations(scale);
                    RgbImage carried = ImageTensors.toImage(average.current(pixels));
                    stage.close();
                    stage = new ScaleStage(backbone, jobManager, images, schedule.longSide(scale), quality.styleScale());
                    pixels = resized(pixels, carried, stage.content(), jobManager);
                    average.reset();
                    optimizer.reset();
                }
                Retarget retarget = awaitTurn();
                if (retarget == STOP) {
                    return JobState.STOPPED;
                }
                if (retarget != null) {
                    images = ScaleStage.Images.prepare(retarget.content(), retarget.styles(), quality.mask(),
                            quality.matchHistogram());
                    schedule = schedule.resizedTo(retarget.longSide());
                    ScaleStage newStage = new ScaleStage(backbone, jobManager, images, schedule.longSide(scale),
                            quality.styleScale());
                    stage.close();
                    stage = newStage;
                    pixels = resized(pixels, ImageTensors.toImage(pixels), stage.content(), jobManager);
                    average.reset();
                    optimizer.reset();
                }
                long started = System.nanoTime();
                LiveParameters current = parameters();
                if (previous != null && !previous.equals(current)) {
                    optimizer.costChanged();
                }
                stage.objective().prepare(current);
                LossBreakdown loss;
                RgbImage picture;
                ScaleStage evaluating = stage;
                try (NDManager scope = jobManager.newSubManager()) {
                    loss = optimizer.step(pixels, (x, s) -> {
                        evaluations[0]++;
                        return costAndGradient(evaluating.objective(), x, current, s, evaluating::composite);
                    }, current.learningRate(), scope);
                    if (!loss.isFinite()) {
                        throw new NonFiniteCostException("The cost became " + loss.total() + " at iteration "
                                + (iteration + 1) + "; lower the learning rate or the weights and start again."
                                + " The last good picture is kept.");
                    }
                    average.add(pixels, scope);
                    picture = stage.picture(average.current(pixels), quality.originalColors(), scope);
                }
                iteration++;
                IterationRecord record = new IterationRecord(iteration, loss, current,
                        previous != null && !previous.equals(current), System.nanoTime() - started, evaluations[0],
                        scale + 1, schedule.count(), started);
                previous = current;
                arraysAfterLastIteration = jobManager.getManagedArrays().size();
                synchronized (lock) {
                    latestFrame = new Frame(record, schedule.totalIterations(), picture);
                    for (ListenerChannel channel : channels) {
                        channel.publishRecord(record);
                        channel.publishFrame(latestFrame);
                    }
                }
            }
        } finally {
            stage.close();
        }
        return JobState.COMPLETED;
    }

    /** {@code picture} at {@code size}'s dimensions as the new pixels, or the old ones when they already fit. */
    private static NDArray resized(NDArray pixels, RgbImage picture, RgbImage size, NDManager jobManager) {
        if (size.width() == pixels.getShape().get(3) && size.height() == pixels.getShape().get(2)) {
            return pixels;
        }
        RgbImage resized = ImageResizer.resize(picture, size.width(), size.height());
        pixels.close();
        return ImageTensors.toTensor(jobManager, resized, DataType.FLOAT32);
    }

    static PixelOptimizer createOptimizer(RenderQuality quality, NDManager jobManager) {
        return switch (quality.optimizer()) {
            case ADAM -> new AdamOptimizer(jobManager);
            case LBFGS -> new LbfgsOptimizer(jobManager, quality.lbfgsHistory(), quality.lbfgsGradientTolerance(),
                    quality.lbfgsCostTolerance());
        };
    }

    private static final Retarget STOP = new Retarget(null, null, 0);

    /**
     * Blocks while paused; returns STOP when the job should end, a pending retarget to apply,
     * or null to go on.
     */
    private Retarget awaitTurn() {
        synchronized (lock) {
            while (pauseRequested && !stopRequested) {
                if (state != JobState.PAUSED) {
                    publishStateLocked(JobState.PAUSED, null);
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (stopRequested) {
                return STOP;
            }
            if (state == JobState.PAUSED) {
                publishStateLocked(JobState.RUNNING, null);
            }
            Retarget retarget = pendingRetarget;
            pendingRetarget = null;
            return retarget;
        }
    }

    private boolean publishStateUnlessStopped(JobState next) {
        synchronized (lock) {
            if (stopRequested) {
                return false;
            }
            publishStateLocked(next, null);
            return true;
        }
    }

    private void publishStateLocked(JobState next, Throwable cause) {
        state = next;
        failure = cause;
        for (ListenerChannel channel : channels) {
            channel.publishState(next, cause);
        }
    }

    /** The cost and its gradient at {@code pixels}; every array it leaves belongs to {@code scope}. */
    static PixelOptimizer.CostAndGradient costAndGradient(StyleObjective objective, NDArray pixels,
                                                           LiveParameters current, NDManager scope) {
        return costAndGradient(objective, pixels, current, scope, UnaryOperator.identity());
    }

    /**
     * The cost of {@code seen(pixels)} and its gradient with respect to {@code pixels}; every array
     * it leaves belongs to {@code scope}.
     */
    static PixelOptimizer.CostAndGradient costAndGradient(StyleObjective objective, NDArray pixels,
                                                           LiveParameters current, NDManager scope,
                                                           UnaryOperator<NDArray> seen) {
        // A fresh leaf per evaluation: its graph and gradient die with the scope, so nothing
        // accumulates on the long-lived pixels.
        NDArray leaf = pixels.duplicate();
        leaf.attach(scope);
        leaf.setRequiresGradient(true);
        synchronized (GRADIENT_LOCK) {
            try (GradientCollector collector = leaf.getManager().getEngine().newGradientCollector()) {
                StyleObjective.Evaluation evaluation = objective.evaluate(seen.apply(leaf), current);
                collector.backward(evaluation.total());
                NDArray gradient = leaf.getGradient();
                gradient.attach(scope);
                return new PixelOptimizer.CostAndGradient(evaluation.breakdown(), gradient);
            }
        }
    }

    /** The first picture, from the seed alone, so the same seed gives the same frames. */
    static RgbImage startImage(JobSpec spec, RgbImage content) {
        int width = content.width();
        int height = content.height();
        return switch (spec.init()) {
            case CONTENT -> content;
            case STYLE -> ImageResizer.resize(spec.styles().get(0).image(), width, height);
            case NOISE -> blend(content, new Random(spec.seed()), 1.0);
            case BLEND -> blend(content, new Random(spec.seed()), BLEND_NOISE_SHARE);
        };
    }

    private static RgbImage blend(RgbImage content, Random random, double noiseShare) {
        int[] argb = new int[content.argb().length];
        for (int i = 0; i < argb.length; i++) {
            int pixel = content.argb()[i];
            int r = mix((pixel >> 16) & 0xFF, random.nextInt(256), noiseShare);
            int g = mix((pixel >> 8) & 0xFF, random.nextInt(256), noiseShare);
            int b = mix(pixel & 0xFF, random.nextInt(256), noiseShare);
            argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return new RgbImage(content.width(), content.height(), argb);
    }

    private static int mix(int photo, int noise, double noiseShare) {
        return (int) Math.round(photo * (1 - noiseShare) + noise * noiseShare);
    }

    /** A cost that is no longer a number; its message is written for the user. */
    static final class NonFiniteCostException extends RuntimeException {
        NonFiniteCostException(String message) {
            super(message);
        }
    }
}
