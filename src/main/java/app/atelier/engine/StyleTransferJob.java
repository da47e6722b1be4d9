package app.atelier.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Gatys style-transfer run: Adam or L-BFGS on the pixels of the generated picture, against
 * content activations and style Gram matrices computed once, without gradient. This class is the
 * job's lifecycle: it starts the worker, which picks the device, borrows the backbone, runs the
 * {@link OptimisationLoop} and turns any failure into a FAILED state with a message for the user;
 * it passes requests on to {@link JobRequests} and listeners to {@link JobOutput}; it closes.
 * The parts, one at a time: {@link JobRequests} (what the user asks), {@link JobOutput} (what the
 * job shows), {@link OptimisationLoop} (the iterations and sizes), {@link CostGradient} (one
 * forward and backward pass), {@link StartImages} (the first picture).
 *
 * <p>All compute runs on a {@link JobWorker}'s thread, one job after another: a job started
 * while another of the same worker computes stays PREPARING until that one has ended. Every public method is
 * thread-safe and returns at once (never waits for an iteration), so it may be called from the
 * JavaFX thread, except {@link #awaitFinished} and {@link #close}, which wait (bounded).
 */
public final class StyleTransferJob implements AutoCloseable, WorkerJob {

    private static final Logger LOG = LoggerFactory.getLogger(StyleTransferJob.class);
    private static final AtomicInteger JOB_NUMBERS = new AtomicInteger();

    /** {@code -Datelier.computePriority=normal} keeps compute at the normal priority (to measure the difference). */
    public static final String NORMAL_PRIORITY_PROPERTY = "atelier.computePriority";

    private final String name;
    private final JobOutput output;
    private final JobRequests requests;
    /** How long {@link #close()} waits for the job to end. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final CountDownLatch finished = new CountDownLatch(1);
    private final BackboneCache cache;
    private volatile OptimisationLoop loop;

    private StyleTransferJob(JobSpec spec, BackboneCache cache) {
        this.name = "atelier-job-" + JOB_NUMBERS.incrementAndGet();
        this.output = new JobOutput(name);
        this.requests = new JobRequests(spec, output);
        this.cache = cache;
    }

    /**
     * Queues a job on the {@linkplain JobWorker#shared() shared worker}: once the jobs before it
     * have ended, it loads the weights, computes the targets, then iterates.
     *
     * @throws IllegalArgumentException when the parameters name a layer the backbone lacks
     */
    public static StyleTransferJob start(JobSpec spec) {
        return start(spec, JobWorker.shared());
    }

    static StyleTransferJob start(JobSpec spec, JobWorker worker) {
        Objects.requireNonNull(spec, "spec");
        JobRequests.requireKnownLayers(spec.backbone(), spec.parameters());
        StyleTransferJob job = new StyleTransferJob(spec, BackboneCache.shared());
        worker.submit(job, job::run);
        return job;
    }

    /**
     * Adds a listener; it first receives the current state and the latest frame, if any.
     *
     * @return a handle whose close() removes the listener and ends its delivery thread
     */
    public AutoCloseable subscribe(JobListener listener) {
        return output.subscribe(listener);
    }

    /**
     * Applies from the next iteration; the image is kept.
     *
     * @throws IllegalArgumentException when a layer does not exist in this job's backbone
     */
    public void setParameters(LiveParameters parameters) {
        requests.setParameters(parameters);
    }

    public LiveParameters parameters() {
        return requests.parameters();
    }

    /**
     * Recomputes the targets for new images or a new size, keeping the current picture (resized
     * when the size changes) and the iteration count; the job goes on running. Takes effect
     * before the next iteration; a later call replaces one not yet taken up.
     */
    public void retarget(RgbImage content, List<StyleSource> styles, int longSide) {
        requests.retarget(content, styles, longSide);
    }

    public void pause() {
        requests.pause();
    }

    public void resume() {
        requests.resume();
    }

    /** Ends the job after the current iteration; the last frame stays available. */
    @Override
    public void stop() {
        requests.stop();
    }

    public JobState state() {
        return output.state();
    }

    public Optional<Frame> latestFrame() {
        return output.latestFrame();
    }

    /** The spec as it stands, retargets included. */
    public JobSpec spec() {
        return requests.spec();
    }

    /** Waits until the job has finished; true when it did within the timeout. Never call on the FX thread. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops the job and waits, at most {@link #CLOSE_TIMEOUT}, for it to end and free
     * every tensor. A job still finishing an iteration then frees them on its own; the next job
     * computes only after that.
     */
    @Override
    public void close() {
        close(CLOSE_TIMEOUT);
    }

    /**
     * Stops the job and waits at most {@code timeout} for it to end, then for the listeners to
     * receive what it published.
     *
     * @return true when the job ended within {@code timeout}
     */
    public boolean close(Duration timeout) {
        stop();
        boolean ended;
        try {
            ended = awaitFinished(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (ended) {
            output.awaitListeners(2000);
        } else {
            LOG.warn("{} did not end within {} ms of closing; it ends after its current iteration", name,
                    timeout.toMillis());
        }
        return ended;
    }

    /** NDArrays the job held after its last iteration, or -1 before the first; for memory tests. */
    int arraysAfterLastIteration() {
        OptimisationLoop current = loop;
        return current == null ? -1 : current.arraysAfterLastIteration();
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

    /**
     * The backbone's data type for a job on {@code device} ({@link Bfloat16Support#precision}). A request
     * where bfloat16 is not native falls back to float32 (emulated bfloat16 is slower than float32) and is
     * logged here, once per job.
     */
    static DataType backbonePrecision(RenderQuality quality, Device device) {
        boolean nativeHere = Bfloat16Support.on(device);
        if (Bfloat16Support.refused(quality.bfloat16(), nativeHere)) {
            LOG.info("bfloat16 was asked for, but this CPU has no native bfloat16 instructions: running in float32");
        }
        return Bfloat16Support.precision(quality.bfloat16(), nativeHere);
    }

    /** The worker: device, backbone and the job's arrays around the loop; the final state whatever happens. */
    private void run() {
        if (!"normal".equals(System.getProperty(NORMAL_PRIORITY_PROPERTY))) {
            ComputeThreads.lowerCurrentThreadPriority();
        }
        JobState end = JobState.FAILED;
        Throwable cause = null;
        JobSpec initial = requests.spec();
        try {
            if (requests.stopRequested()) {
                // Stopped while queued behind another job: nothing to load or compute.
                end = JobState.STOPPED;
                return;
            }
            Device device = resolveDevice(initial.device());
            try (BackboneCache.Lease lease = cache.acquire(initial.backbone(), initial.weights(), initial.pooling(),
                    device, backbonePrecision(initial.quality(), device));
                 NDManager jobManager = NDManager.newBaseManager(device)) {
                loop = new OptimisationLoop(name, lease.backbone(), jobManager, requests, output);
                end = loop.run();
            }
        } catch (OptimisationLoop.DivergedException e) {
            // INFO, not WARN: the listener shows the message (render prints it), and --quiet shows only that.
            LOG.info("{} failed: {}", name, e.getMessage());
            cause = e;
        } catch (Exception | Error e) {
            if (EngineFailures.expected(e)) {
                LOG.info("{} failed: {}", name, EngineFailures.describe(e));
            } else {
                LOG.error("{} failed", name, e);
            }
            cause = new IllegalStateException(EngineFailures.describe(e), e);
        } finally {
            output.end(end, cause);
            finished.countDown();
        }
    }
}
