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
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Quality section drives a real SqueezeNet job: L-BFGS, two scales, the content's colours. */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class QualityControlsTest {

    private StudioTestWindow ui;

    @Start
    void start(Stage stage) {
        ui = new StudioTestWindow(stage);
    }

    @AfterEach
    void stopJob(FxRobot robot) throws Exception {
        ui.stopJob(robot);
    }

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
        assertThat(history.isDisabled()).as("history only matters for L-BFGS").isTrue();
        robot.interact(() -> optimizer.setValue(OptimizerKind.LBFGS));
        assertThat(history.isDisabled()).isFalse();
        robot.interact(() -> {
            history.setText("7");
            history.commitValue();
        });
        NumberField scales = robot.lookup("#scales").queryAs(NumberField.class);
        robot.interact(() -> {
            scales.setText("2");
            scales.commitValue();
        });
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
        assertThat(used.originalColors()).isTrue();
        assertThat(robot.lookup("#quality-pane").queryAs(TitledPane.class).getContent().isDisabled()).isFalse();

        String scale = robot.lookup("#status-scale").queryAs(Label.class).getText();
        assertThat(scale).startsWith("Scale 2 of 2 · 64×");
        List<IterationRecord> records = new ArrayList<>();
        robot.interact(() -> records.addAll(ui.studio.history().records()));
        assertThat(records).extracting(IterationRecord::scale).contains(1, 2);
        assertThat(ui.window.lossChart().getXAxis().getLabel()).isEqualTo("Cost evaluations");
    }
}
