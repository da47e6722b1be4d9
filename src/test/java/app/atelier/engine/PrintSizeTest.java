package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Lengths at a DPI to pixels and back, paper sizes, and the print's proportions. */
class PrintSizeTest {

    @Test
    void centimetresAndInchesBecomePixelsAtTheDpi() {
        assertThat(PrintSize.pixels(PrintSize.Paper.A4.longSideCm(), PrintSize.Unit.CM, 300)).isEqualTo(3508);
        assertThat(PrintSize.pixels(PrintSize.Paper.A3.longSideCm(), PrintSize.Unit.CM, 300)).isEqualTo(4961);
        assertThat(PrintSize.pixels(PrintSize.Paper.A4.longSideCm(), PrintSize.Unit.CM, 150)).isEqualTo(1754);
        assertThat(PrintSize.pixels(10, PrintSize.Unit.IN, 300)).isEqualTo(3000);
        assertThat(PrintSize.pixels(2.54, PrintSize.Unit.CM, 72)).isEqualTo(72);
        assertThat(PrintSize.pixels(6000, PrintSize.Unit.PX, 300)).as("pixels ignore the DPI").isEqualTo(6000);
    }

    @Test
    void pixelsConvertBackToTheLengthTheyPrintAt() {
        assertThat(PrintSize.length(3508, PrintSize.Unit.CM, 300)).isCloseTo(29.7, offset(0.01));
        assertThat(PrintSize.length(3000, PrintSize.Unit.IN, 300)).isEqualTo(10.0);
        assertThat(PrintSize.length(4961, PrintSize.Unit.PX, 300)).isEqualTo(4961.0);
        assertThat(PrintSize.physical(3508, 2480, 300)).isEqualTo("29.7 × 21.0 cm (11.7 × 8.3 in) at 300 dpi");
    }

    @Test
    void theShortSideFollowsThePicturesProportionsAsTheRenderScalesIt() {
        assertThat(PrintSize.dimensions(512, 384, 4096)).containsExactly(4096, 3072);
        assertThat(PrintSize.dimensions(300, 400, 1000)).containsExactly(750, 1000);
        assertThat(PrintSize.dimensions(1000, 1000, 3508)).containsExactly(3508, 3508);
    }

    @Test
    void lengthsAndDpiMustBePositive() {
        assertThatThrownBy(() -> PrintSize.pixels(0, PrintSize.Unit.CM, 300)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrintSize.pixels(10, PrintSize.Unit.CM, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrintSize.pixels(Double.NaN, PrintSize.Unit.IN, 300)).isInstanceOf(IllegalArgumentException.class);
    }
}
