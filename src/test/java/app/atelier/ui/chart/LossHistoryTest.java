package app.atelier.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Defaults;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.LossBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The history of a run as long as the iterations field allows: bounded, recent part in full, all of the run in view. */
class LossHistoryTest {

    private static final LiveParameters PARAMETERS = Defaults.parameters(Defaults.BACKBONE);

    private static List<IterationRecord> batch(int from, int count) {
        List<IterationRecord> batch = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            batch.add(new IterationRecord(i, new LossBreakdown(1.0 / i, 0.5, 0.5 / i, Map.of(), 0), PARAMETERS,
                    false, 1_000));
        }
        return batch;
    }

    @Test
    void aMillionIterationsKeepTheRecentOnesInFullAndASampleOfTheRestInBoundedMemory() {
        LossHistory history = new LossHistory();
        List<IterationRecord> added = new ArrayList<>();
        history.records().addListener((ListChangeListener<IterationRecord>) change -> {
            while (change.next()) {
                added.addAll(change.getAddedSubList());
            }
        });
        int largest = 0;
        int total = 1_000_000;
        for (int from = 1; from <= total; from += 250) {
            history.append(batch(from, 250));
            largest = Math.max(largest, history.size());
        }
        assertThat(largest).isLessThanOrEqualTo(LossHistory.RECENT + LossHistory.OLDER);
        assertThat(added).as("every record reached the chart once").hasSize(total);

        List<Integer> iterations = history.records().stream().map(IterationRecord::iteration).toList();
        List<Integer> recent = iterations.subList(iterations.size() - LossHistory.RECENT, iterations.size());
        assertThat(recent.get(0)).isEqualTo(total - LossHistory.RECENT + 1);
        for (int i = 1; i < recent.size(); i++) {
            assertThat(recent.get(i)).isEqualTo(recent.get(i - 1) + 1);
        }
        List<Integer> older = iterations.subList(0, iterations.size() - LossHistory.RECENT);
        int stride = older.get(1) - older.get(0);
        assertThat(Integer.bitCount(stride)).as("a power of two").isEqualTo(1);
        assertThat(older.get(0)).as("the run's start is still in view").isLessThanOrEqualTo(stride);
        for (int i = 1; i < older.size(); i++) {
            assertThat(older.get(i) - older.get(i - 1)).isEqualTo(stride);
        }
        assertThat(older.get(older.size() - 1)).isGreaterThan(recent.get(0) - stride - 1);
        assertThat(older.size()).isGreaterThan(LossHistory.OLDER / 2);
    }

    @Test
    void aShortRunIsKeptWholeAndClearStartsOver() {
        LossHistory history = new LossHistory();
        history.append(batch(1, 1500));
        history.append(batch(1501, 500));
        assertThat(history.records()).extracting(IterationRecord::iteration)
                .containsExactlyElementsOf(batch(1, 2000).stream().map(IterationRecord::iteration).toList());
        history.append(batch(2001, 10));
        assertThat(history.size()).isEqualTo(2010);

        history.clear();
        assertThat(history.size()).isZero();
        history.append(batch(1, 3));
        assertThat(history.records()).extracting(IterationRecord::iteration).containsExactly(1, 2, 3);
    }
}
