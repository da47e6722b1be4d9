package app.atelier.ui.job;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.PrintSize;
import org.junit.jupiter.api.Test;

/** The print dialog's size logic as plain objects: paper, units and DPI, the estimate, what stops a print. */
class PrintSizeViewModelTest {

    @Test
    void paperUnitsAndDpiGiveTheLongSideInPixels() {
        PrintSizeViewModel size = new PrintSizeViewModel();
        assertThat(size.paperProperty().get()).isEqualTo(PrintSize.Paper.A4);
        assertThat(size.longSideProperty().get()).as("A4 at 300 dpi").isEqualTo(3508);
        size.paperProperty().set(PrintSize.Paper.A3);
        assertThat(size.longSideProperty().get()).isEqualTo(4961);
        size.unitProperty().set(PrintSize.Unit.IN);
        assertThat(size.lengthProperty().get()).as("a unit change keeps the size").isEqualTo(16.54);
        assertThat(size.paperProperty().get()).isEqualTo(PrintSize.Paper.A3);
        size.dpiProperty().set(150);
        assertThat(size.longSideProperty().get()).as("the same paper at half the DPI").isEqualTo(2481);
        size.unitProperty().set(PrintSize.Unit.PX);
        size.lengthProperty().set(2048);
        assertThat(size.paperProperty().get()).as("a typed size is no paper").isEqualTo(PrintSize.Paper.CUSTOM);
        assertThat(size.longSideProperty().get()).isEqualTo(2048);
        assertThat(size.problemProperty().get()).as("nothing to print from yet").contains("content photo");
    }

    @Test
    void theEstimateAndTheSizeFollowThePictureAndTheTiles() {
        PrintSizeViewModel size = new PrintSizeViewModel();
        size.setSource(new PrintSizeViewModel.Source(512, 384, 512, 0, BackboneKind.SQUEEZENET1_1));
        assertThat(size.sizeTextProperty().get()).startsWith("3508 × 2631 px · 29.7 × 22.3 cm");
        assertThat(size.problemProperty().get()).isEmpty();
        String tiles40 = size.estimateTextProperty().get();
        assertThat(tiles40).matches("About \\d+ min and \\d\\.\\d GB of memory: the studio's 512 × 384 px picture"
                + " refined in \\d+ tiles × 40 steps.*");
        size.tileIterationsProperty().set(10);
        assertThat(size.estimateTextProperty().get()).contains("× 10 steps").isNotEqualTo(tiles40);

        size.unitProperty().set(PrintSize.Unit.PX);
        size.lengthProperty().set(400);
        assertThat(size.problemProperty().get()).as("no larger than the render").contains("larger than the render");
        assertThat(size.estimateTextProperty().get()).isEmpty();
        size.lengthProperty().set(20_000);
        assertThat(size.problemProperty().get()).contains("at most 12000 px");
        size.lengthProperty().set(2048);
        size.tileProperty().set(100);
        assertThat(size.problemProperty().get()).contains("128 px");
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertThat(PrintSizeViewModel.duration(12.4)).isEqualTo("12 s");
        assertThat(PrintSizeViewModel.duration(1000)).isEqualTo("17 min");
        assertThat(PrintSizeViewModel.duration(7500)).isEqualTo("2 h 05 min");
    }
}
