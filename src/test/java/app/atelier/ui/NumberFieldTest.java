package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.RenderSize;
import app.atelier.ui.controls.NumberField;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A refused number springs back and the field says why and what is allowed (it reverted silently). */
@ExtendWith(ApplicationExtension.class)
class NumberFieldTest {

    private final SimpleIntegerProperty size = new SimpleIntegerProperty(256);
    private final SimpleDoubleProperty rate = new SimpleDoubleProperty(0.015);
    private NumberField sizeField;
    private NumberField rateField;

    @Start
    void start(Stage stage) {
        sizeField = NumberField.forInteger(size, RenderSize.MIN_LONG_SIDE, RenderSize.MAX_LONG_SIDE);
        sizeField.setId("size");
        rateField = NumberField.forDouble(rate, 1e-6, 10);
        rateField.setId("rate");
        stage.setScene(new Scene(new VBox(sizeField, rateField), 300, 120));
        stage.show();
    }

    private void typeInto(FxRobot robot, String id, String text) {
        robot.doubleClickOn("#" + id);
        robot.interact(() -> robot.lookup("#" + id).queryAs(NumberField.class).selectAll());
        robot.write(text).type(KeyCode.ENTER);
    }

    @Test
    void sizeAboveTheLargestIsRefusedSayingWhyAndTheRange(FxRobot robot) {
        assertThat(sizeField.getTooltip().getText()).contains("16 to 4096");

        typeInto(robot, "size", "20000");

        assertThat(size.get()).isEqualTo(256);
        assertThat(sizeField.getText()).isEqualTo("256");
        assertThat(sizeField.refusalProperty().get()).isEqualTo("20000 is too large (allowed: 16 to 4096); 256 is kept.");
        assertThat(sizeField.getTooltip().getText()).isEqualTo(sizeField.refusalProperty().get());
        assertThat(sizeField.getPseudoClassStates()).anyMatch(state -> state.getPseudoClassName().equals("refused"));
    }

    @Test
    void textThatIsNoNumberAndNegativeNumbersAreRefusedSayingWhy(FxRobot robot) {
        typeInto(robot, "rate", "abc");
        assertThat(rate.get()).isEqualTo(0.015);
        assertThat(rateField.refusalProperty().get()).isEqualTo("\u201cabc\u201d is not a number (allowed: 1e-6 to 10); 0.015 is kept.");

        typeInto(robot, "size", "-1");
        assertThat(sizeField.refusalProperty().get()).isEqualTo("-1 is too small (allowed: 16 to 4096); 256 is kept.");
    }

    @Test
    void aValueTakenClearsTheRefusal(FxRobot robot) {
        typeInto(robot, "size", "abc");
        assertThat(sizeField.refusalProperty().get()).contains("abc", "not a whole number");

        typeInto(robot, "size", "512");

        assertThat(size.get()).isEqualTo(512);
        assertThat(sizeField.refusalProperty().get()).isEmpty();
        assertThat(sizeField.getTooltip().getText()).isEqualTo("Allowed: 16 to 4096");
    }
}
