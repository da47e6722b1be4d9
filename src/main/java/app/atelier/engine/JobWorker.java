package app.atelier.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that computes style-transfer jobs, one after another in the order they were
 * started. A job started while another computes waits, PREPARING, until that one has ended, so
 * the jobs of one worker never share the cores (the window's Start stops the old job first, so
 * the new one follows after the old one's current iteration). The window owns a worker; jobs
 * started with {@link StyleTransferJob#start(JobSpec)} (the commands, tests) share
 * {@link #shared()}. Separate owners keep separate workers, so a job one of them forgot cannot
 * hold up another's.
 *
 * <p>{@link #shutdown} stops every job and ends the thread, waiting a bounded time. A job started
 * afterwards gets a new thread, which first waits for the old one to end, so even then no two
 * jobs of this worker overlap. Thread-safe.
 */
public final class JobWorker {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final JobWorker SHARED = new JobWorker();
    private static final AtomicInteger THREAD_NUMBERS = new AtomicInteger();

    private final Set<WorkerJob> unfinished = ConcurrentHashMap.newKeySet();
    // Guarded by this.
    private ExecutorService executor;
    private ExecutorService previous;
    /** The current thread, for tests. */
    private volatile Thread thread;

    /** A worker of one's own, e.g. one per window; its thread starts with the first job. */
    public JobWorker() {
    }

    /** The worker of jobs started with {@link StyleTransferJob#start(JobSpec)}. */
    public static JobWorker shared() {
        return SHARED;
    }

    /**
     * Queues a job behind this worker's others: once they have ended, it loads the weights,
     * computes the targets, then iterates.
     *
     * @throws IllegalArgumentException when the parameters name a layer the backbone lacks
     */
    public StyleTransferJob start(JobSpec spec) {
        return StyleTransferJob.start(spec, this);
    }

    /** Queues {@code work}, {@code job}'s whole run, behind the jobs already queued. */
    synchronized void submit(WorkerJob job, Runnable work) {
        if (executor == null) {
            executor = newExecutor();
            ExecutorService ending = previous;
            if (ending != null) {
                executor.execute(() -> awaitEnd(ending));
            }
        }
        unfinished.add(job);
        executor.execute(() -> {
            try {
                work.run();
            } finally {
                unfinished.remove(job);
                TensorMemory.releaseAfterJob();
            }
        });
    }

    /**
     * Stops every job, running or queued, and ends the thread; queued jobs end STOPPED without
     * computing. Never call on the FX thread except when the app closes.
     *
     * @return true when the thread ended within {@code timeout}; otherwise it ends on its own
     *         after the running job's current iteration
     */
    public boolean shutdown(Duration timeout) {
        ExecutorService ending;
        synchronized (this) {
            ending = executor;
            executor = null;
            if (ending == null) {
                return true;
            }
            previous = ending;
        }
        unfinished.forEach(WorkerJob::stop);
        ending.shutdown();
        try {
            if (ending.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.warn("The job worker did not end within {} ms; it ends after the current iteration", timeout.toMillis());
        return false;
    }

    private ExecutorService newExecutor() {
        // The name starts as the jobs' do: the OpenMP threads it starts inherit it (see ComputeThreads).
        return Executors.newSingleThreadExecutor(task -> {
            Thread created = new Thread(task, "atelier-job-worker-" + THREAD_NUMBERS.incrementAndGet());
            created.setDaemon(true);
            thread = created;
            return created;
        });
    }

    /** The thread that runs (or last ran) this worker's jobs, or null before the first; for tests. */
    Thread thread() {
        return thread;
    }

    private static void awaitEnd(ExecutorService ending) {
        try {
            ending.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
