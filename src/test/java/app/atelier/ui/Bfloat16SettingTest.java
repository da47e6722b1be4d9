package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Bfloat16Support;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.JobState;
import app.atelier.engine.RenderQuality;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The Quality section's bfloat16 box: off at first, offered where bfloat16 helps, and it reaches the job. */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class Bfloat16SettingTest {

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    @Test
    void theBoxIsOfferedWhereBfloat16HelpsAndReachesTheJob(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 3);
        robot.interact(() -> robot.lookup("#controls-scroll").queryAs(ScrollPane.class).setVvalue(1));
        robot.clickOn("Quality");
        CheckBox box = robot.lookup("#bfloat16").queryAs(CheckBox.class);
        assertThat(box.getText()).isEqualTo("Faster arithmetic (bfloat16)");
        assertThat(box.isSelected()).as("off by default").isFalse();
        HBox row = robot.lookup("#bfloat16-row").queryAs(HBox.class);

        robot.interact(() -> ui.studio.settings().deviceProperty().set(ComputeDevice.CPU));
        boolean cpu = Bfloat16Support.cpuHasNative();
        assertThat(box.isDisabled()).isEqualTo(!cpu);
        assertThat(tooltip(row)).contains(cpu ? "30 % faster" : "no bfloat16 instructions");
        robot.interact(() -> ui.studio.settings().deviceProperty().set(ComputeDevice.GPU));
        assertThat(box.isDisabled()).as("a graphics card does bfloat16").isFalse();
        assertThat(tooltip(row)).contains("30 % faster", "indistinguishable");
        robot.interact(() -> ui.studio.settings().deviceProperty().set(ComputeDevice.CPU));

        robot.interact(() -> box.setSelected(true));
        assertThat(ui.studio.settings().quality().snapshot().bfloat16()).as("remembered with the settings").isTrue();
        robot.clickOn("#start");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();

        RenderQuality used = ui.studio.render().job().orElseThrow().spec().quality();
        assertThat(used.bfloat16()).isTrue();
    }

    private static String tooltip(HBox row) {
        for (Object value : row.getProperties().values()) {
            if (value instanceof Tooltip tip) {
                return tip.getText();
            }
        }
        throw new AssertionError("no tooltip on the bfloat16 row");
    }
}
