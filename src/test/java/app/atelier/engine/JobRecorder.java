package app.atelier.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A listener that keeps everything it is given, for tests to wait on and inspect. */
class JobRecorder implements JobListener {

    final List<IterationRecord> records = new CopyOnWriteArrayList<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    final List<JobState> states = new CopyOnWriteArrayList<>();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onIterations(List<IterationRecord> batch) {
        threads.add(Thread.currentThread().getName());
        records.addAll(batch);
    }

    @Override
    public void onFrame(Frame frame) {
        frames.add(frame);
    }

    @Override
    public void onStateChanged(JobState state, Throwable failure) {
        states.add(state);
        if (failure != null) {
            failures.add(failure);
        }
    }

    int iterations() {
        return records.size();
    }

    List<IterationRecord> recordsCopy() {
        return new ArrayList<>(records);
    }

    /** Waits (polling) until the condition holds; fails the test after {@code seconds}. */
    static void await(String what, int seconds, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    boolean sawState(JobState state) {
        return states.contains(state);
    }

    static <T> boolean any(List<T> list, Predicate<T> predicate) {
        return list.stream().anyMatch(predicate);
    }
}
