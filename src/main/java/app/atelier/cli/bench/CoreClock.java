package app.atelier.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;

/**
 * Measures the clock the cores sustain while all of them are busy, which is what a compute run
 * gets: virtual machines and turbo make the "cpu MHz" of /proc/cpuinfo (often the base clock) an
 * underestimate, and then a share of the "peak" can exceed 100 %.
 *
 * <p>Each core runs a chain {@code x = x * x + 1} on 64-bit integers: every step waits for the
 * previous one, so a step takes the multiply's latency plus the add's, 3 + 1 = 4 cycles on every
 * x86-64 core since Intel Nehalem and AMD Zen. The compiler cannot shorten the chain (unlike a
 * chain of constant multiplies, which it folds), and a step does no memory access.
 */
public final class CoreClock {

    static final int CYCLES_PER_STEP = 4;
    private static final long STEPS = 40_000_000L;
    private static final int ROUNDS = 8;

    private CoreClock() {
    }

    /**
     * The all-core clock in MHz: the fastest round of each thread (earlier rounds may still run
     * code the JIT has not fully optimised, whose steps take more than 4 cycles), then the slowest
     * thread; empty if interrupted.
     */
    public static OptionalDouble allCoreMegahertz(int cores) {
        for (int i = 0; i < 20; i++) {
            chain(STEPS / 20, i); // compile the loop fully before timing it
        }
        double[][] megahertz = new double[cores][ROUNDS];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int core = 0; core < cores; core++) {
            int index = core;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int round = 0; round < ROUNDS; round++) {
                    long begin = System.nanoTime();
                    long result = chain(STEPS, index + round);
                    long nanos = System.nanoTime() - begin;
                    // Reading the result keeps the JIT from dropping the chain as dead code.
                    megahertz[index][round] = result == 42 ? 0 : (double) STEPS * CYCLES_PER_STEP / (nanos / 1000.0);
                }
            }, "core-clock-" + core);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
        return Arrays.stream(megahertz).mapToDouble(rounds -> Arrays.stream(rounds).max().orElse(0)).min();
    }

    static long chain(long steps, long seed) {
        long x = seed;
        for (long i = 0; i < steps; i++) {
            x = x * x + 1;
        }
        return x;
    }
}
