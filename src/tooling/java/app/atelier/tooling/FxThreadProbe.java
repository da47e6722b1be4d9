package app.atelier.tooling;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Watches the FX thread, three ways, for the window benchmark and the window's tests:
 * <ul>
 * <li>wall time: how long a runLater posted every {@value #PING_MILLIS} ms waits before it runs (at
 *     most one in flight, so the probe never floods the queue it measures);</li>
 * <li>work: how much CPU time the FX thread itself spends during each such wait, which is what a
 *     handler computing on the FX thread costs, whatever else the machine is doing;</li>
 * <li>waits: stretches, sampled every few milliseconds, in which the FX thread sits blocked or
 *     waiting inside Atelier's code (a lock, a join, a sleep on the FX thread).</li>
 * </ul>
 * Each sample reads the FX thread's stack, which stops every Java thread at a safepoint; the
 * benchmark samples rarely ({@link #BENCH_SAMPLE_MILLIS}), since a safepoint waits for the
 * slowest thread to reach it, and the job's worker runs at a low priority: a sample every 5 ms
 * once held the FX thread 300 ms while the JIT compilers had both cores. Tests sample often
 * ({@link #TEST_SAMPLE_MILLIS}) to catch short waits.
 * On a machine with spare cores the wall time is the honest measure; on an overloaded one the
 * operating system itself may not schedule the thread for a while, and work plus waits are what
 * the window is answerable for. The probe runs on two daemon timer threads; every accessor may be
 * called from any thread.
 */
public final class FxThreadProbe implements AutoCloseable {

    static final long PING_MILLIS = 15;
    public static final long TEST_SAMPLE_MILLIS = 5;
    public static final long BENCH_SAMPLE_MILLIS = 250;

    /**
     * One answered ping.
     *
     * @param wallNanos how long the runLater waited before it ran
     * @param workNanos CPU time the FX thread spent meanwhile
     */
    public record Ping(long wallNanos, long workNanos) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "fx-thread-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final long fxThreadId;
    private final Queue<Ping> pings = new ConcurrentLinkedQueue<>();
    private final AtomicLong worstWaitNanos = new AtomicLong();
    private final AtomicLong pendingSince = new AtomicLong();
    private final AtomicLong pendingCpu = new AtomicLong();
    private final Queue<String> waits = new ConcurrentLinkedQueue<>();
    private long waitingSince;
    private long lastWaitingSeen;
    private String waitingWhere;

    /**
     * Starts watching; may be called on the FX thread or on any other (then it waits for the FX thread once).
     *
     * @param sampleMillis how often to look for the FX thread waiting inside Atelier's code
     */
    public FxThreadProbe(long sampleMillis) throws InterruptedException {
        fxThreadId = fxThreadId();
        threads.setThreadCpuTimeEnabled(true);
        timer.scheduleAtFixedRate(this::ping, 0, PING_MILLIS, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sample, 0, sampleMillis, TimeUnit.MILLISECONDS);
    }

    private static long fxThreadId() throws InterruptedException {
        if (Platform.isFxApplicationThread()) {
            return Thread.currentThread().getId();
        }
        long[] id = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            id[0] = Thread.currentThread().getId();
            found.countDown();
        });
        if (!found.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer within 10 s");
        }
        return id[0];
    }

    /** Runs on the probe's timer thread. */
    private void ping() {
        if (pendingSince.get() != 0) {
            return; // The previous ping is still queued; its own wait will say how long.
        }
        pendingCpu.set(threads.getThreadCpuTime(fxThreadId));
        pendingSince.set(System.nanoTime());
        Platform.runLater(() -> {
            long waited = System.nanoTime() - pendingSince.get();
            long work = threads.getCurrentThreadCpuTime() - pendingCpu.get();
            pings.add(new Ping(waited, work));
            pendingSince.set(0);
        });
    }

    /** Runs on the probe's timer thread only, so its fields need no locking. */
    private void sample() {
        ThreadInfo info = threads.getThreadInfo(fxThreadId, 32);
        long now = System.nanoTime();
        String where = info == null ? null : waitingInAtelier(info);
        if (where == null) {
            if (waitingSince != 0) {
                waits.add(String.format("FX thread waiting in %s, seen for %d ms", waitingWhere,
                        (lastWaitingSeen - waitingSince) / 1_000_000));
            }
            waitingSince = 0;
            return;
        }
        if (waitingSince == 0) {
            waitingSince = now;
            waitingWhere = where;
        }
        lastWaitingSeen = now;
        worstWaitNanos.accumulateAndGet(now - waitingSince, Math::max);
    }

    private static String waitingInAtelier(ThreadInfo info) {
        if (info.getThreadState() == Thread.State.RUNNABLE || info.getThreadState() == Thread.State.NEW) {
            return null;
        }
        return Arrays.stream(info.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("app.atelier.")
                        && !frame.getClassName().equals(FxThreadProbe.class.getName())
                        && !frame.getClassName().startsWith(FxThreadProbe.class.getName() + "$"))
                .findFirst().map(StackTraceElement::toString).orElse(null);
    }

    /** Every ping answered so far, in order. */
    public List<Ping> pings() {
        return List.copyOf(pings);
    }

    public int answered() {
        return pings.size();
    }

    public long worstWallMillis() {
        return pings.stream().mapToLong(Ping::wallNanos).max().orElse(0) / 1_000_000;
    }

    public long worstWorkMillis() {
        return pings.stream().mapToLong(Ping::workNanos).max().orElse(0) / 1_000_000;
    }

    /** The longest stretch the FX thread was seen blocked or waiting inside Atelier's code; 0 if never. */
    public long worstWaitMillis() {
        return worstWaitNanos.get() / 1_000_000;
    }

    /** One line per finished stretch in which the FX thread was seen waiting inside Atelier's code, saying where. */
    public List<String> waitsInAtelierCode() {
        return List.copyOf(waits);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
