package app.atelier.ui;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Watches the FX thread while a job runs, three ways:
 * <ul>
 * <li>wall time: how long a runLater posted every 20 ms waits before it runs (at most one in flight);</li>
 * <li>work: how much CPU time the FX thread itself spends during each such wait, which is what a
 *     handler computing on the FX thread costs, whatever else the machine is doing;</li>
 * <li>waits: the longest stretch, sampled every 5 ms, in which the FX thread sits blocked or
 *     waiting inside Atelier's code (a lock, a join, a file read on the FX thread).</li>
 * </ul>
 * On a machine with spare cores the wall time is the honest measure; on an overloaded one the
 * operating system itself may not schedule the thread for a while, and work plus waits are what
 * the window is answerable for.
 */
final class FxThreadProbe implements AutoCloseable {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, task -> {
        Thread thread = new Thread(task, "fx-thread-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final long fxThreadId;
    private final AtomicLong worstWallNanos = new AtomicLong();
    private final AtomicLong worstWorkNanos = new AtomicLong();
    private final AtomicLong worstWaitNanos = new AtomicLong();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicLong pendingSince = new AtomicLong();
    private final AtomicLong pendingCpu = new AtomicLong();
    private final Queue<String> slow = new ConcurrentLinkedQueue<>();
    private final long startNanos = System.nanoTime();
    private long waitingSince;
    private String waitingWhere;

    FxThreadProbe() throws InterruptedException {
        long[] id = new long[1];
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            id[0] = Thread.currentThread().getId();
            found.countDown();
        });
        found.await(10, TimeUnit.SECONDS);
        fxThreadId = id[0];
        threads.setThreadCpuTimeEnabled(true);
        timer.scheduleAtFixedRate(this::ping, 0, 20, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.MILLISECONDS);
    }

    private void ping() {
        long now = System.nanoTime();
        long pending = pendingSince.get();
        if (pending != 0) {
            // The previous ping is still queued: the thread has been unavailable at least this long.
            worstWallNanos.accumulateAndGet(now - pending, Math::max);
            return;
        }
        pendingCpu.set(threads.getThreadCpuTime(fxThreadId));
        pendingSince.set(now);
        Platform.runLater(() -> {
            long waited = System.nanoTime() - pendingSince.get();
            long work = threads.getCurrentThreadCpuTime() - pendingCpu.get();
            pendingSince.set(0);
            worstWallNanos.accumulateAndGet(waited, Math::max);
            worstWorkNanos.accumulateAndGet(work, Math::max);
            if (waited > 50_000_000L) {
                slow.add(String.format("%d ms (%d ms FX work) at +%d ms", waited / 1_000_000, work / 1_000_000,
                        (System.nanoTime() - startNanos) / 1_000_000));
            }
            answered.incrementAndGet();
        });
    }

    /** Runs on the probe's timer thread only, so its fields need no locking. */
    private void sample() {
        ThreadInfo info = threads.getThreadInfo(fxThreadId, 32);
        long now = System.nanoTime();
        String where = info == null ? null : waitingInAtelier(info);
        if (where == null) {
            waitingSince = 0;
            return;
        }
        if (waitingSince == 0) {
            waitingSince = now;
            waitingWhere = where;
        }
        long stretch = now - waitingSince;
        if (stretch > worstWaitNanos.get()) {
            worstWaitNanos.set(stretch);
            slow.add(String.format("FX thread waiting %d ms in %s", stretch / 1_000_000, waitingWhere));
        }
    }

    private static String waitingInAtelier(ThreadInfo info) {
        if (info.getThreadState() == Thread.State.RUNNABLE || info.getThreadState() == Thread.State.NEW) {
            return null;
        }
        return Arrays.stream(info.getStackTrace())
                .filter(frame -> frame.getClassName().startsWith("app.atelier.")
                        && !frame.getClassName().equals(FxThreadProbe.class.getName()))
                .findFirst().map(StackTraceElement::toString).orElse(null);
    }

    /** Whether the machine has spare capacity, so that wall time measures the window alone. */
    static boolean machineHasSpareCores() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load >= 0 && load < Runtime.getRuntime().availableProcessors();
    }

    long worstWallMillis() {
        return worstWallNanos.get() / 1_000_000;
    }

    long worstWorkMillis() {
        return worstWorkNanos.get() / 1_000_000;
    }

    long worstWaitMillis() {
        return worstWaitNanos.get() / 1_000_000;
    }

    List<String> slowPings() {
        return List.copyOf(slow);
    }

    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
