package app.atelier.ui.chart;

import app.atelier.engine.IterationRecord;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The current job's iterations for the chart and the CSV export, appended in batches (one list
 * change per pulse) so the chart adds its points in one go. Bounded in memory however long the run
 * (the iterations field allows a million): the last {@value #RECENT} iterations are kept in full,
 * and of the earlier ones only every {@code stride}-th, where the stride doubles whenever more than
 * {@value #OLDER} of them have piled up. The list never holds more than {@code RECENT + OLDER}
 * records, and the whole run stays in view, evenly sampled.
 *
 * <p>Thinning only removes records, so a listener that adds points for what is added (the chart)
 * never sees a record twice. FX thread only.
 */
public final class LossHistory {

    /** Iterations kept in full detail, the newest ones. */
    static final int RECENT = 2000;
    /** Earlier iterations kept, sampled at the stride. */
    static final int OLDER = 2000;

    private final ObservableList<IterationRecord> records = FXCollections.observableArrayList();
    /** One wrapper for all callers: it holds its listeners, and a fresh wrapper per call would lose them to the GC. */
    private final ObservableList<IterationRecord> readOnly = FXCollections.unmodifiableObservableList(records);
    /** How many records at the front of {@link #records} are the sampled earlier part. */
    private int older;
    /** Every stride-th iteration (by number) of the earlier part is kept; a power of two. */
    private int stride = 1;

    /** The kept records in iteration order: the sampled earlier part, then the recent part in full. */
    public ObservableList<IterationRecord> records() {
        return readOnly;
    }

    public void append(List<IterationRecord> batch) {
        if (batch.isEmpty()) {
            return;
        }
        records.addAll(batch);
        int graduating = records.size() - older - RECENT;
        if (graduating <= 0) {
            return;
        }
        // The oldest of the recent part join the earlier part, sampled at the stride.
        Set<IterationRecord> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        int kept = older;
        for (IterationRecord record : records.subList(older, older + graduating)) {
            if (record.iteration() % stride == 0) {
                kept++;
            } else {
                dropped.add(record);
            }
        }
        while (kept > OLDER) {
            stride *= 2;
            kept = 0;
            for (IterationRecord record : records.subList(0, older + graduating)) {
                if (dropped.contains(record)) {
                    continue;
                }
                if (record.iteration() % stride == 0) {
                    kept++;
                } else {
                    dropped.add(record);
                }
            }
        }
        records.removeAll(dropped);
        older = kept;
    }

    public void clear() {
        records.clear();
        older = 0;
        stride = 1;
    }

    public int size() {
        return records.size();
    }
}
