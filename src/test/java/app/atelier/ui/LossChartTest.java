package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Defaults;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.LossBreakdown;
import app.atelier.ui.chart.LossChart;
import app.atelier.ui.chart.LossHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The loss chart: weighted terms on a log axis, a marker per parameter change, long runs thinned. */
@ExtendWith(ApplicationExtension.class)
class LossChartTest {

    private final LossHistory history = new LossHistory();
    private LossChart chart;

    @Start
    void start(Stage stage) {
        chart = new LossChart(history);
        stage.setScene(new Scene(chart, 800, 400));
        stage.show();
    }

    private static List<IterationRecord> records(int from, int to, LiveParameters parameters, boolean changeAtStart) {
        List<IterationRecord> batch = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            double content = 0.5;
            double style = 100.0 / i;
            double total = parameters.alpha() * content + parameters.beta() * style;
            batch.add(new IterationRecord(i, new LossBreakdown(total, content, style, Map.of(), 0.01),
                    parameters, changeAtStart && i == from, 1_000_000));
        }
        return batch;
    }

    @Test
    void pointsArriveInBatchesWithMarkersWhereParametersChanged(FxRobot robot) {
        LiveParameters first = Defaults.parameters(Defaults.BACKBONE).withBeta(2);
        robot.interact(() -> history.append(records(1, 30, first, false)));
        assertThat(chart.pointCount()).isEqualTo(30);
        assertThat(chart.markerCount()).isZero();

        robot.interact(() -> history.append(records(31, 50, first.withBeta(8), true)));
        assertThat(chart.pointCount()).isEqualTo(50);
        assertThat(chart.markerCount()).isEqualTo(1);

        XYChart.Series<Number, Number> style = chart.getData().get(2);
        assertThat(style.getName()).startsWith("Style");
        assertThat(style.getData().get(9).getYValue().doubleValue()).as("log10(β·Js) at iteration 10")
                .isCloseTo(Math.log10(2 * 10.0), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(chart.getData().get(3).getData()).as("γ = 0: no TV points on a log axis").isEmpty();

        robot.interact(history::clear);
        assertThat(chart.pointCount()).isZero();
        assertThat(chart.markerCount()).isZero();
    }

    @Test
    void longRunsAreThinnedSoTheChartStaysFast(FxRobot robot) {
        LiveParameters parameters = Defaults.parameters(Defaults.BACKBONE);
        robot.interact(() -> {
            for (int start = 1; start <= 5000; start += 100) {
                history.append(records(start, start + 99, parameters, false));
            }
        });
        assertThat(chart.pointCount()).isBetween(1000, 2000);
        // The history keeps the recent iterations in full and samples the earlier ones (LossHistoryTest).
        assertThat(history.size()).isBetween(2000, 4000);
    }
}
