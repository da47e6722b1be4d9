package app.atelier.ui.job;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobState;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How far the run has come, for the status bar: iteration of total, the share done, the pace and
 * the time left at it, and the size being computed in a coarse-to-fine run. Fed by
 * {@link RenderViewModel} with each pulse's records and the frames it shows. FX thread only.
 */
final class JobProgress {

    private final ReadOnlyIntegerWrapper iteration = new ReadOnlyIntegerWrapper(this, "iteration");
    private final ReadOnlyIntegerWrapper totalIterations = new ReadOnlyIntegerWrapper(this, "totalIterations");
    private final ReadOnlyDoubleWrapper iterationsPerSecond = new ReadOnlyDoubleWrapper(this, "iterationsPerSecond");
    private final ReadOnlyObjectWrapper<Duration> timeLeft = new ReadOnlyObjectWrapper<>(this, "timeLeft");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper scale = new ReadOnlyStringWrapper(this, "scale", "");
    private final RunStatistics statistics = new RunStatistics();

    /** A new run of {@code total} iterations. */
    void reset(int total) {
        statistics.clear();
        scale.set("");
        iteration.set(0);
        totalIterations.set(total);
        iterationsPerSecond.set(0);
        timeLeft.set(null);
        // Not -1 (indeterminate): under JavaFX's software renderer the first frame of the striped
        // animation made the FX thread wait ~300 ms for the renderer in about one start in four
        // (bench --mode window, Prism SW under Xvfb).
        progress.set(0);
    }

    /** Iterations that arrived since the last pulse, in order; not empty. */
    void add(List<IterationRecord> batch) {
        batch.forEach(statistics::add);
        IterationRecord last = batch.get(batch.size() - 1);
        iteration.set(last.iteration());
        int total = totalIterations.get();
        progress.set(total > 0 ? Math.min(1.0, (double) last.iteration() / total) : 0);
        iterationsPerSecond.set(statistics.iterationsPerSecond());
        timeLeft.set(statistics.timeLeft(Math.max(0, total - last.iteration())));
    }

    /** A picture brought back from the autosave, as far as its run had come. */
    void restored(Frame frame) {
        reset(frame.totalIterations());
        iteration.set(frame.iteration());
        int total = frame.totalIterations();
        progress.set(total > 0 ? Math.min(1.0, (double) frame.iteration() / total) : 0);
    }

    void show(Frame frame) {
        IterationRecord record = frame.record();
        scale.set(record.scales() > 1 ? "Scale " + record.scale() + " of " + record.scales() + " · "
                + frame.image().width() + "×" + frame.image().height() : "");
    }

    void ended(JobState state) {
        if (state == JobState.COMPLETED) {
            progress.set(1);
            timeLeft.set(Duration.ZERO);
        }
    }

    ReadOnlyIntegerProperty iterationProperty() {
        return iteration.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty totalIterationsProperty() {
        return totalIterations.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty iterationsPerSecondProperty() {
        return iterationsPerSecond.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }
}
