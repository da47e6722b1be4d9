package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which message a diverged cost gets: the weights file only when no finite cost was ever seen. */
class DivergenceWatchTest {

    private static final LiveParameters PARAMETERS = Defaults.parameters(BackboneKind.SQUEEZENET1_1);

    private static LossBreakdown cost(double total) {
        return new LossBreakdown(total, total, total, Map.of(), 0);
    }

    @Test
    void nanFromTheFirstCostPointsAtTheWeightsFile() {
        DivergenceWatch watch = new DivergenceWatch();
        assertThat(watch.check(cost(Double.NaN), 1, PARAMETERS)).hasValueSatisfying(
                message -> assertThat(message).contains("from iteration 1", "weights file"));
    }

    @Test
    void nanAfterASettingsChangeInAWorkingRunBlamesTheSettingsNotTheWeightsFile() {
        DivergenceWatch watch = new DivergenceWatch();
        for (int iteration = 1; iteration <= 21; iteration++) {
            assertThat(watch.check(cost(10.0 / iteration), iteration, PARAMETERS)).isEmpty();
        }
        watch.restart(); // β moved: the next cost starts a new comparison
        assertThat(watch.check(cost(Double.NaN), 22, PARAMETERS)).hasValueSatisfying(message -> assertThat(message)
                .contains("at iteration 22", "too large").doesNotContain("weights file"));
    }

    @Test
    void aCostFarAboveItsStartIsDivergence() {
        DivergenceWatch watch = new DivergenceWatch();
        assertThat(watch.check(cost(1), 1, PARAMETERS)).isEmpty();
        assertThat(watch.check(cost(DivergenceWatch.RISE * 2), 2, PARAMETERS)).hasValueSatisfying(
                message -> assertThat(message).contains("diverged", "learning rate"));
    }
}
