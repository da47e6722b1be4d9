package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.IterationRecord;
import app.atelier.engine.JobState;
import app.atelier.engine.OptimizerKind;
import app.atelier.engine.RenderQuality;
import app.atelier.ui.controls.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Quality section drives a real SqueezeNet job: L-BFGS, two scales, the content's colours. */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class QualityControlsTest {

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    @Test
    @SuppressWarnings("unchecked")
    void theQualitySectionReachesTheJobAndTheStatusAndChartFollowIt(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 6);

        // The section sits at the bottom of the settings column: bring it into view before clicking.
        robot.interact(() -> robot.lookup("#controls-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn("Quality");
        assertThat(robot.lookup("#quality-pane").queryAs(TitledPane.class).isExpanded()).isTrue();
        ChoiceBox<OptimizerKind> optimizer = robot.lookup("#optimizer").queryAs(ChoiceBox.class);
        NumberField history = robot.lookup("#lbfgs-history").queryAs(NumberField.class);
        NumberField gradientTolerance = robot.lookup("#lbfgs-gradient-tolerance").queryAs(NumberField.class);
        NumberField costTolerance = robot.lookup("#lbfgs-cost-tolerance").queryAs(NumberField.class);
        assertThat(history.isDisabled()).as("history only matters for L-BFGS").isTrue();
        assertThat(gradientTolerance.isDisabled()).as("tolerances only matter for L-BFGS").isTrue();
        assertThat(gradientTolerance.getText()).isEqualTo("1e-5");
        assertThat(costTolerance.getText()).isEqualTo("1e-7");
        robot.interact(() -> optimizer.setValue(OptimizerKind.LBFGS));
        assertThat(history.isDisabled()).isFalse();
        assertThat(costTolerance.isDisabled()).isFalse();
        enter(robot, history, "7");
        enter(robot, gradientTolerance, "2e-5");
        enter(robot, costTolerance, "3e-7");
        NumberField scales = robot.lookup("#scales").queryAs(NumberField.class);
        NumberField perScale = robot.lookup("#iterations-per-scale").queryAs(NumberField.class);
        enter(robot, scales, "1");
        assertThat(perScale.isDisabled()).as("iterations per scale only matter for several scales").isTrue();
        assertThat(perScale.getText()).isEqualTo("0");
        enter(robot, scales, "2");
        assertThat(perScale.isDisabled()).isFalse();
        enter(robot, perScale, "4");
        CheckBox originalColors = robot.lookup("#original-colors").queryAs(CheckBox.class);
        robot.interact(originalColors::fire);
        assertThat(robot.lookup("#original-colors").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#scales").queryAs(NumberField.class).getText()).isEqualTo("2");

        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();

        RenderQuality used = ui.studio.render().job().orElseThrow().spec().quality();
        assertThat(used.optimizer()).isEqualTo(OptimizerKind.LBFGS);
        assertThat(used.scales()).isEqualTo(2);
        assertThat(used.lbfgsHistory()).isEqualTo(7);
        assertThat(used.lbfgsGradientTolerance()).isEqualTo(2e-5);
        assertThat(used.lbfgsCostTolerance()).isEqualTo(3e-7);
        assertThat(used.iterationsPerScale()).isEqualTo(4);
        assertThat(ui.studio.render().job().orElseThrow().spec().iterations()).as("4 at each of 2 scales").isEqualTo(8);
        assertThat(used.originalColors()).isTrue();
        assertThat(robot.lookup("#quality-pane").queryAs(TitledPane.class).getContent().isDisabled()).isFalse();

        String scale = robot.lookup("#status-scale").queryAs(Label.class).getText();
        assertThat(scale).startsWith("Scale 2 of 2 · 64×");
        List<IterationRecord> records = new ArrayList<>();
        robot.interact(() -> records.addAll(ui.studio.history().records()));
        assertThat(records).extracting(IterationRecord::scale).contains(1, 2);
        assertThat(ui.window.lossChart().getXAxis().getLabel()).isEqualTo("Cost evaluations");
    }

    private static void enter(FxRobot robot, NumberField field, String text) {
        robot.interact(() -> {
            field.setText(text);
            field.commitValue();
        });
    }
}
