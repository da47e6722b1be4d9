package app.atelier.ui.chart;

import app.atelier.engine.IterationRecord;
import app.atelier.ui.controls.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;

/**
 * Total, content, style and TV cost per iteration on a logarithmic axis, each term weighted as the
 * optimiser sees it (α·content, β·style, γ·TV), with a dashed marker wherever a parameter changed.
 * Points arrive in batches from {@link LossHistory}, one list change per pulse. FX thread only.
 */
public final class LossChart extends LineChart<Number, Number> {

    private record Curve(XYChart.Series<Number, Number> series, ToDoubleFunction<IterationRecord> value) {
    }

    static final int MAX_POINTS = 2000;

    private final List<Curve> curves = new ArrayList<>();
    private final List<Line> markers = new ArrayList<>();
    private final List<Integer> markerIterations = new ArrayList<>();
    private final NumberAxis iterationAxis;
    private final NumberAxis costAxis;
    /** True once a record shows several cost evaluations per iteration (L-BFGS): x is then evaluations. */
    private boolean countingEvaluations;
    private double lowestExponent = Double.POSITIVE_INFINITY;
    private double highestExponent = Double.NEGATIVE_INFINITY;

    public LossChart(LossHistory history) {
        super(new NumberAxis(), new NumberAxis());
        setId("loss-chart");
        // Points arrive in iteration order; the default policy sorts every series at every layout,
        // which showed in the FX thread's longest waits while a job ran.
        setAxisSortingPolicy(SortingPolicy.NONE);
        iterationAxis = (NumberAxis) getXAxis();
        costAxis = (NumberAxis) getYAxis();
        iterationAxis.setLabel("Iteration");
        iterationAxis.setAutoRanging(false);
        iterationAxis.setLowerBound(0);
        iterationAxis.setMinorTickVisible(false);
        showIterations(100);
        costAxis.setLabel("Cost (log)");
        costAxis.setAutoRanging(false);
        costAxis.setLowerBound(-3);
        costAxis.setUpperBound(3);
        costAxis.setTickUnit(1);
        costAxis.setMinorTickVisible(false);
        costAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number exponent) {
                return NumberFormat.format(Math.pow(10, Math.round(exponent.doubleValue() * 1000) / 1000.0));
            }

            @Override
            public Number fromString(String text) {
                return Math.log10(NumberFormat.parse(text));
            }
        });
        setAnimated(false);
        setCreateSymbols(false);
        setHorizontalZeroLineVisible(false);
        setVerticalZeroLineVisible(false);
        setLegendVisible(true);

        curve("Total", record -> record.loss().total());
        curve("Content α·Jc", record -> record.parameters().alpha() * record.loss().content());
        curve("Style β·Js", record -> record.parameters().beta() * record.loss().style());
        curve("TV γ·TV", record -> record.parameters().tvWeight() * record.loss().tv());

        history.records().addListener((ListChangeListener<IterationRecord>) change -> {
            while (change.next()) {
                if (change.wasRemoved() && history.size() == 0) {
                    clearAll();
                }
                if (change.wasAdded()) {
                    addBatch(change.getAddedSubList());
                }
            }
        });
    }

    /** Spans the iteration axis over a whole run, so the curves grow across the chart as the run progresses. */
    public void showIterations(int total) {
        int upper = Math.max(10, total);
        iterationAxis.setUpperBound(upper);
        double rough = upper / 10.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double unit = rough / magnitude < 2 ? magnitude : rough / magnitude < 5 ? 2 * magnitude : 5 * magnitude;
        iterationAxis.setTickUnit(unit);
    }

    private void curve(String name, ToDoubleFunction<IterationRecord> value) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        getData().add(series);
        curves.add(new Curve(series, value));
    }

    private void addBatch(List<? extends IterationRecord> batch) {
        if (!countingEvaluations && batch.stream().anyMatch(r -> r.evaluations() != r.iteration())) {
            countingEvaluations = true;
            iterationAxis.setLabel("Cost evaluations");
        }
        int furthest = 0;
        for (IterationRecord record : batch) {
            furthest = Math.max(furthest, x(record));
        }
        if (furthest > iterationAxis.getUpperBound()) {
            // L-BFGS makes more evaluations than the run has iterations: widen the axis as it goes.
            showIterations((int) Math.ceil(furthest * 1.25));
        }
        for (Curve curve : curves) {
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(batch.size());
            for (IterationRecord record : batch) {
                double value = curve.value().applyAsDouble(record);
                // A log axis has no place for 0 (TV off) or a diverged cost.
                if (value > 0 && Double.isFinite(value)) {
                    double exponent = Math.log10(value);
                    lowestExponent = Math.min(lowestExponent, exponent);
                    highestExponent = Math.max(highestExponent, exponent);
                    points.add(new XYChart.Data<>(x(record), exponent));
                }
            }
            curve.series().getData().addAll(points);
            thinIfLong(curve.series());
        }
        for (IterationRecord record : batch) {
            if (record.parametersChanged()) {
                addMarker(x(record));
            }
        }
        if (lowestExponent <= highestExponent) {
            double lower = Math.floor(lowestExponent);
            double upper = Math.max(lower + 1, Math.ceil(highestExponent));
            costAxis.setLowerBound(lower);
            costAxis.setUpperBound(upper);
            costAxis.setTickUnit(Math.max(1, Math.ceil((upper - lower) / 8)));
        }
    }

    private int x(IterationRecord record) {
        return countingEvaluations ? record.evaluations() : record.iteration();
    }

    /**
     * Halves a curve that has grown past {@link #MAX_POINTS} by dropping every other point: a chart
     * is at most a few thousand pixels wide, and laying out tens of thousands of points each pulse
     * would make the window stutter on long runs. The CSV export keeps more ({@link LossHistory}).
     */
    private static void thinIfLong(XYChart.Series<Number, Number> series) {
        List<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() <= MAX_POINTS) {
            return;
        }
        List<XYChart.Data<Number, Number>> kept = new ArrayList<>(data.size() / 2 + 1);
        for (int i = 0; i < data.size(); i += 2) {
            kept.add(data.get(i));
        }
        if ((data.size() - 1) % 2 != 0) {
            kept.add(data.get(data.size() - 1));
        }
        series.getData().setAll(kept);
    }

    private void addMarker(int iteration) {
        Line line = new Line();
        line.getStyleClass().add("parameter-marker");
        markers.add(line);
        markerIterations.add(iteration);
        getPlotChildren().add(line);
        requestChartLayout();
    }

    private void clearAll() {
        countingEvaluations = false;
        iterationAxis.setLabel("Iteration");
        curves.forEach(curve -> {
            curve.series().getData().clear();
            // LineChart rebuilds a line only from its points: emptied, the old line would stay drawn.
            if (curve.series().getNode() instanceof javafx.scene.shape.Path line) {
                line.getElements().clear();
            }
        });
        getPlotChildren().removeAll(markers);
        markers.clear();
        markerIterations.clear();
        lowestExponent = Double.POSITIVE_INFINITY;
        highestExponent = Double.NEGATIVE_INFINITY;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double top = 0;
        double bottom = costAxis.getHeight();
        for (int i = 0; i < markers.size(); i++) {
            double x = iterationAxis.getDisplayPosition(markerIterations.get(i));
            Line line = markers.get(i);
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(top);
            line.setEndY(bottom);
            line.toFront();
        }
    }

    /** Number of points on the total-cost curve (one per iteration until a long run is thinned). */
    public int pointCount() {
        return curves.get(0).series().getData().size();
    }

    /** Number of parameter-change markers shown. */
    public int markerCount() {
        return markers.size();
    }
}
