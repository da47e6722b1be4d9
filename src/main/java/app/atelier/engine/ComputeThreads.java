package app.atelier.engine;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libtorch's compute threads from starving the window and the rest of the desktop.
 *
 * <p>Two settings, both on Linux only (elsewhere both calls do nothing; a Linux without a loadable
 * libc logs a warning once and does nothing too):
 * <ul>
 * <li>{@link #lowerCurrentThreadPriority()}: the job's worker raises its nice value before its first
 *     tensor operation. Linux keeps nice values per thread and a new thread inherits its creator's,
 *     so the OpenMP threads libgomp starts for this worker's parallel regions run at the same lower
 *     priority, and the scheduler hands the FX thread a core as soon as it has work. Lowering one's
 *     own priority needs no privilege.</li>
 * <li>{@link #preferSleepingOpenMpThreads()}: OpenMP threads spin only briefly ({@code GOMP_SPINCOUNT=1000},
 *     tens of microseconds) at the end of a parallel region, then sleep ({@code OMP_WAIT_POLICY=passive}).
 *     libgomp's default spins about 3 ms, which holds a core the window, the browser or a
 *     descheduled partner thread needs: with one busy process beside it, a SqueezeNet iteration
 *     took 2 s instead of 60 ms. Not spinning at all costs 10–40 % on an idle machine, where the
 *     next operation follows within microseconds; the short spin keeps that. libgomp reads the
 *     variables once, when libtorch loads it, so this must run before the engine first loads; if
 *     the user set either variable, neither is touched.</li>
 * </ul>
 */
public final class ComputeThreads {

    /** The nice value of compute threads: 10 gives a nice-0 thread about 9 times their CPU share. */
    public static final int COMPUTE_NICE = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ComputeThreads.class);
    private static final int PRIO_PROCESS = 0;
    private static final String WAIT_POLICY = "OMP_WAIT_POLICY";
    private static final String SPIN_COUNT = "GOMP_SPINCOUNT";
    /** About 10–30 µs of spinning: covers the gap between two operations of one iteration. */
    static final String SHORT_SPIN = "1000";

    private ComputeThreads() {
    }

    /** Lowers the calling thread (and the OpenMP threads it will start) to {@link #COMPUTE_NICE}. */
    public static void lowerCurrentThreadPriority() {
        c().ifPresent(c -> {
            if (c.getpriority(PRIO_PROCESS, 0) < COMPUTE_NICE && c.setpriority(PRIO_PROCESS, 0, COMPUTE_NICE) != 0) {
                LOG.debug("could not lower the priority of {}", Thread.currentThread().getName());
            }
        });
    }

    /** The calling thread's nice value, or empty where it cannot be read. */
    public static Optional<Integer> currentThreadNice() {
        return c().map(c -> c.getpriority(PRIO_PROCESS, 0));
    }

    /**
     * {@code -Datelier.openMpWaitPolicy=default} leaves libgomp's own default (spin about 3 ms, then
     * sleep), to measure the difference; {@code OMP_WAIT_POLICY=passive} in the environment gives
     * no spin at all.
     */
    public static final String WAIT_POLICY_PROPERTY = "atelier.openMpWaitPolicy";

    /** A short spin, then sleep, unless the user set the OpenMP wait; call before the engine loads. */
    public static void preferSleepingOpenMpThreads() {
        if (!"default".equals(System.getProperty(WAIT_POLICY_PROPERTY))) {
            c().filter(c -> c.getenv(WAIT_POLICY) == null && c.getenv(SPIN_COUNT) == null).ifPresent(c -> {
                c.setenv(WAIT_POLICY, "passive", 0);
                c.setenv(SPIN_COUNT, SHORT_SPIN, 0);
            });
        }
    }

    /** The OpenMP wait policy and spin count libgomp will read (or has read), e.g. "passive/1000". */
    public static Optional<String> openMpWait() {
        return c().map(c -> c.getenv(WAIT_POLICY) + "/" + c.getenv(SPIN_COUNT));
    }

    private static Optional<LinuxLibc.CLibrary> c() {
        return LinuxLibc.get();
    }
}
