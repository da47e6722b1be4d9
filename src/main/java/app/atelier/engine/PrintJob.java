package app.atelier.engine;

import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A print made on a {@link JobWorker}, the window's own, so it never shares the cores with the
 * window's render: the {@link PrintPass} from a finished render, or, when there is none, a working
 * render queued first on the same worker and then the pass from its last picture. Stopping keeps
 * the tiles finished so far ({@link #result}). Listeners hear on the computing threads; every
 * public method is thread-safe and returns at once, except {@link #awaitFinished}.
 */
public final class PrintJob implements WorkerJob {

    private static final Logger LOG = LoggerFactory.getLogger(PrintJob.class);

    /** Which part of the print is computing. */
    public enum Stage { WORKING_RENDER, TILES }

    /**
     * Where the print stands: iterations of the working render, or tiles of the pass.
     *
     * @param secondsLeft at the pace so far, NaN while unknown
     * @param preview     the picture so far, scaled down to the preview size
     * @param lastTile    the tile just refined, or null
     */
    public record Update(Stage stage, int done, int total, double secondsLeft, RgbImage preview, Area lastTile) {
    }

    /** A part of the picture in fractions of its width and height (0..1), whatever the size it is shown at. */
    public record Area(double x, double y, double width, double height) {
        static Area of(TileGrid.Tile tile, int pictureWidth, int pictureHeight) {
            return new Area((double) tile.x() / pictureWidth, (double) tile.y() / pictureHeight,
                    (double) tile.width() / pictureWidth, (double) tile.height() / pictureHeight);
        }
    }

    /** Told on the computing thread (or the working render's delivery thread); keep it short. */
    public interface Listener {
        void updated(Update update);

        /** @param failure the cause, written for the user, when {@code state} is FAILED; else null */
        void stateChanged(JobState state, Throwable failure);
    }

    private final JobSpec printSpec;
    private final PrintPass.Settings settings;
    private final int previewSide;
    private final Listener listener;
    private final RgbImage givenWorking;
    private final StyleTransferJob workingJob;
    private final CountDownLatch finished = new CountDownLatch(1);
    // Guarded by this: pause and stop reach whichever part is computing.
    private PrintPass pass;
    private boolean paused;
    private boolean stopped;
    private AutoCloseable workingSubscription;
    private volatile JobState state = JobState.PREPARING;
    private volatile Throwable workingFailure;
    private volatile RgbImage result;

    private PrintJob(JobSpec printSpec, RgbImage working, StyleTransferJob workingJob, PrintPass.Settings settings,
                     int previewSide, Listener listener) {
        this.printSpec = printSpec;
        this.givenWorking = working;
        this.workingJob = workingJob;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.previewSide = previewSide;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Queues the pass from {@code working}, a finished render, refined at {@code printSpec}'s size. */
    public static PrintJob start(JobWorker worker, JobSpec printSpec, RgbImage working, PrintPass.Settings settings,
                                 int previewSide, Listener listener) {
        PrintJob job = new PrintJob(printSpec, Objects.requireNonNull(working, "working"), null, settings,
                previewSide, listener);
        worker.submit(job, job::run);
        return job;
    }

    /** Queues a render of {@code workingSpec}, then the pass from its last picture at {@code printSide}. */
    public static PrintJob startWithWorkingRender(JobWorker worker, JobSpec workingSpec, int printSide,
                                                  PrintPass.Settings settings, int previewSide, Listener listener) {
        StyleTransferJob working = worker.start(workingSpec);
        PrintJob job = new PrintJob(workingSpec.withLongSide(printSide), null, working, settings, previewSide, listener);
        job.followWorkingRender();
        worker.submit(job, job::run);
        return job;
    }

    private void followWorkingRender() {
        AutoCloseable subscription = workingJob.subscribe(new JobListener() {
            @Override
            public void onFrame(Frame frame) {
                listener.updated(new Update(Stage.WORKING_RENDER, frame.iteration(), frame.totalIterations(),
                        Double.NaN, frame.image(), null));
            }

            @Override
            public void onStateChanged(JobState working, Throwable failure) {
                if (working == JobState.RUNNING || working == JobState.PAUSED) {
                    report(working);
                } else if (working == JobState.FAILED) {
                    workingFailure = failure;
                }
            }
        });
        synchronized (this) {
            workingSubscription = subscription;
        }
    }

    public synchronized void pause() {
        if (state != JobState.RUNNING) {
            return;
        }
        paused = true;
        if (pass != null) {
            pass.pause();
            report(JobState.PAUSED);
        } else if (workingJob != null) {
            workingJob.pause();
        }
    }

    public synchronized void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        if (pass != null) {
            pass.resume();
            report(JobState.RUNNING);
        } else if (workingJob != null) {
            workingJob.resume();
        }
    }

    /** Ends the print after the current step; the tiles finished so far stay in {@link #result}. */
    @Override
    public synchronized void stop() {
        stopped = true;
        if (pass != null) {
            pass.cancel();
        }
        if (workingJob != null) {
            workingJob.stop();
        }
    }

    public JobState state() {
        return state;
    }

    /** The print once the job has ended: whole, or as far as it got when stopped or failed; null when no tile pass began. */
    public RgbImage result() {
        return result;
    }

    /** The spec at print size the pass refines to. */
    public JobSpec printSpec() {
        return printSpec;
    }

    /** Waits until the job has ended; true when it did. Never on the FX thread. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void report(JobState next) {
        state = next;
        listener.stateChanged(next, null);
    }

    /** On the worker, after the working render (if any) has ended. */
    private void run() {
        if (!"normal".equals(System.getProperty(StyleTransferJob.NORMAL_PRIORITY_PROPERTY))) {
            ComputeThreads.lowerCurrentThreadPriority();
        }
        JobState end = JobState.FAILED;
        Throwable cause = null;
        PrintPass created = null;
        try {
            RgbImage working = givenWorking != null ? givenWorking : workingPicture();
            synchronized (this) {
                if (stopped || working == null) {
                    end = JobState.STOPPED;
                    return;
                }
                created = new PrintPass(printSpec, working, settings);
                pass = created;
                if (paused) {
                    created.pause();
                }
            }
            report(paused ? JobState.PAUSED : JobState.RUNNING);
            int[] size = PrintSize.dimensions(printSpec.content().width(), printSpec.content().height(),
                    printSpec.longSide());
            PrintPreview preview = new PrintPreview(working, size[0], size[1], previewSide);
            int tiles = PrintPass.tileCount(size[0], size[1], settings);
            listener.updated(new Update(Stage.TILES, 0, tiles, Double.NaN, preview.snapshot(), null));
            PrintPass running = created;
            result = created.run(progress -> {
                preview.paint(progress.region(), running.area(progress.region()));
                listener.updated(new Update(Stage.TILES, progress.tile(), progress.tiles(), progress.secondsLeft(),
                        preview.snapshot(), Area.of(progress.region(), size[0], size[1])));
            });
            end = created.cancelled() ? JobState.STOPPED : JobState.COMPLETED;
        } catch (WorkingRenderFailed e) {
            cause = e.getCause() != null ? e.getCause() : e;
        } catch (Exception | Error e) {
            LOG.error("The print failed", e);
            cause = e instanceof OutOfMemoryError
                    ? new IllegalStateException("Out of memory: try a smaller print or tile size.", e)
                    : e;
            result = created == null ? null : created.current();
        } finally {
            state = end;
            listener.stateChanged(end, cause);
            finished.countDown();
        }
    }

    private static final class WorkingRenderFailed extends Exception {
        WorkingRenderFailed(Throwable cause) {
            super("The working render failed", cause);
        }
    }

    /** The working render's last picture once it has ended; null when it was stopped before one. */
    private RgbImage workingPicture() throws WorkingRenderFailed {
        AutoCloseable subscription;
        synchronized (this) {
            subscription = workingSubscription;
        }
        try {
            workingJob.close(Duration.ofSeconds(30));
            if (subscription != null) {
                subscription.close();
            }
        } catch (Exception e) {
            LOG.debug("Closing the working render's subscription", e);
        }
        if (workingJob.state() == JobState.FAILED) {
            Throwable failure = workingFailure;
            throw new WorkingRenderFailed(failure != null ? failure
                    : new IllegalStateException("The working render failed; see the log."));
        }
        return workingJob.latestFrame().map(Frame::image).orElse(null);
    }
}
