package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.LossBreakdown;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void barShowsCountRateAndRemainingTime() {
        String line = ProgressLine.bar(50, 200, 10.0);

        assertThat(line).contains(" 50/200", "10 it/s", "ETA 0:15");
        assertThat(line.chars().filter(c -> c == '#').count()).isEqualTo(6);
    }

    @Test
    void slowRatesKeepTheirDecimalsAndLongEtasShowHours() {
        assertThat(ProgressLine.bar(0, 1000, 0.25)).contains("0.25 it/s", "ETA 1:06:40");
    }

    @Test
    void barWithoutARateYetShowsOnlyTheCount() {
        String line = ProgressLine.bar(0, 200, Double.NaN);

        assertThat(line).endsWith("  0/200").doesNotContain("ETA");
    }

    @Test
    void finishedBarIsFull() {
        assertThat(ProgressLine.bar(200, 200, 5)).startsWith("[" + "#".repeat(24) + "]").contains("ETA 0:00");
    }

    @Test
    void lossLineListsEachStyleLayer() {
        LossBreakdown loss = new LossBreakdown(12.5, 0.25, 3.0, Map.of("fire2", 2.0, "conv0", 1.0), 0);

        String line = ProgressLine.losses(10, 200, loss);

        assertThat(line).isEqualTo(
                "iter  10/200  total 1.250e+01  content 2.500e-01  style 3.000e+00 [conv0 1.000e+00, fire2 2.000e+00]  tv 0");
    }
}
