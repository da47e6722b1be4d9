package app.atelier.ui.job;

import app.atelier.engine.IterationRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/** Iterations per second over the last few iterations, and the time left at that pace. Not thread-safe. */
final class RunStatistics {

    private static final int WINDOW = 10;

    private final Deque<Long> recentNanos = new ArrayDeque<>();
    private long windowNanos;

    void add(IterationRecord record) {
        recentNanos.addLast(record.nanos());
        windowNanos += record.nanos();
        if (recentNanos.size() > WINDOW) {
            windowNanos -= recentNanos.removeFirst();
        }
    }

    void clear() {
        recentNanos.clear();
        windowNanos = 0;
    }

    /** 0 until an iteration has been timed. */
    double iterationsPerSecond() {
        return windowNanos <= 0 ? 0 : recentNanos.size() * 1e9 / windowNanos;
    }

    /** Null until the pace is known. */
    Duration timeLeft(int iterationsLeft) {
        double perSecond = iterationsPerSecond();
        if (perSecond <= 0) {
            return null;
        }
        return Duration.ofMillis(Math.round(iterationsLeft / perSecond * 1000));
    }
}
