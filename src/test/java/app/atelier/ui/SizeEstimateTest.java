package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.BackboneKind;
import app.atelier.ui.controls.SizeEstimate;
import java.util.OptionalLong;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The size field's estimate follows each keystroke, and warns when the size cannot fit in memory. */
class SizeEstimateTest {

    private final SimpleStringProperty typed = new SimpleStringProperty("512");
    private final SimpleObjectProperty<BackboneKind> backbone = new SimpleObjectProperty<>(BackboneKind.SQUEEZENET1_1);

    @Test
    void largeSizesGetTimeAndMemoryPerIterationSmallOnesAndNonsenseNothing() {
        SizeEstimate estimate = new SizeEstimate(typed, backbone, OptionalLong.of(64_000_000_000L));
        assertThat(estimate.textProperty().get()).isEmpty();

        typed.set("4096");
        // SqueezeNet at 4096 x 3072 was measured at 2.3 min and about 10 GB per iteration.
        assertThat(estimate.textProperty().get()).isEqualTo(
                "About 10 GB and ~2 min per iteration");
        assertThat(estimate.tooBigProperty().get()).isFalse();

        backbone.set(BackboneKind.VGG19);
        assertThat(estimate.textProperty().get()).contains("About 31 GB");

        for (String nonsense : new String[] {"40960", "abc", "", "-2048"}) {
            typed.set(nonsense);
            assertThat(estimate.textProperty().get()).as(nonsense).isEmpty();
        }
    }

    @Test
    void aSizeNeedingMoreMemoryThanTheComputerHasIsAWarning() {
        SizeEstimate estimate = new SizeEstimate(typed, backbone, OptionalLong.of(8_000_000_000L));

        typed.set("4000");

        assertThat(estimate.tooBigProperty().get()).isTrue();
        assertThat(estimate.textProperty().get()).endsWith(": more than this computer's 8 GB, it will not fit; choose a smaller size");
        typed.set("2048");
        assertThat(estimate.tooBigProperty().get()).isFalse();
        assertThat(estimate.textProperty().get()).contains("About 2.5 GB", "~35 s");
    }
}
