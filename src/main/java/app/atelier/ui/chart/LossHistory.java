package app.atelier.ui.chart;

import app.atelier.engine.IterationRecord;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every iteration of the current job, appended in batches (one list change per pulse) so the chart
 * adds its points in one go. FX thread only.
 */
public final class LossHistory {

    private final ObservableList<IterationRecord> records = FXCollections.observableArrayList();
    /** One wrapper for all callers: it holds its listeners, and a fresh wrapper per call would lose them to the GC. */
    private final ObservableList<IterationRecord> readOnly = FXCollections.unmodifiableObservableList(records);

    public ObservableList<IterationRecord> records() {
        return readOnly;
    }

    public void append(List<IterationRecord> batch) {
        if (!batch.isEmpty()) {
            records.addAll(batch);
        }
    }

    public void clear() {
        records.clear();
    }

    public int size() {
        return records.size();
    }
}
