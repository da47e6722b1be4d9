package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.InitMode;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.settings.RenderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Saving a preset and opening it again brings back every setting, in the model and on screen. */
@ExtendWith(ApplicationExtension.class)
class PresetRoundTripTest {

    private StudioTestWindow ui;

    @Start
    void start(Stage stage) {
        ui = new StudioTestWindow(stage);
    }

    @Test
    void everySettingSurvivesSaveAndOpen(FxRobot robot, @TempDir Path folder) throws Exception {
        SettingsViewModel settings = ui.studio.settings();
        robot.interact(() -> {
            settings.backboneProperty().set(BackboneKind.VGG19);
            settings.deviceProperty().set(ComputeDevice.CPU);
            settings.contentLayerProperty().set("conv3_2");
            settings.styleLayers().get(0).enabledProperty().set(false);
            settings.styleLayers().get(1).enabledProperty().set(true);
            settings.styleLayers().get(1).weightProperty().set(250);
            settings.styleLayers().get(4).weightProperty().set(0.125);
            settings.alphaProperty().set(3.5);
            settings.betaProperty().set(12500);
            settings.tvWeightProperty().set(0.004);
            settings.learningRateProperty().set(0.035);
            settings.sizeProperty().set(384);
            settings.initProperty().set(InitMode.BLEND);
            settings.iterationsProperty().set(321);
            settings.seedProperty().set(987654321L);
        });
        RenderSettings chosen = settings.snapshot();
        assertThat(chosen).isNotEqualTo(RenderSettings.defaults());

        Path preset = folder.resolve("my preset.json");
        ui.studio.files().savePreset(preset).get(10, TimeUnit.SECONDS);
        assertThat(Files.readString(preset)).contains("\"format\": \"atelier-settings\"", "\"beta\": 12500");

        robot.interact(settings::reset);
        assertThat(settings.snapshot()).isEqualTo(RenderSettings.defaults());

        RenderSettings opened = ui.studio.files().openPreset(preset).get(10, TimeUnit.SECONDS).settings();
        robot.interact(() -> { });

        assertThat(opened).isEqualTo(chosen);
        assertThat(settings.snapshot()).isEqualTo(chosen);
        assertThat(robot.lookup("#beta-field").queryAs(TextField.class).getText()).isEqualTo("12500");
        assertThat(robot.lookup("#alpha-field").queryAs(TextField.class).getText()).isEqualTo("3.5");
        assertThat(robot.lookup("#seed").queryAs(TextField.class).getText()).isEqualTo("987654321");
        assertThat(robot.lookup("#iterations").queryAs(TextField.class).getText()).isEqualTo("321");
        assertThat(robot.lookup("#content-layer").queryAs(ChoiceBox.class).getValue()).isEqualTo("conv3_2");
        assertThat(robot.lookup("#style-layer-conv1_1").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#style-layer-conv1_2").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#style-layer-weight-conv1_2").queryAs(TextField.class).getText()).isEqualTo("250");
    }

    @Test
    void aFileThatIsNoPresetIsRefusedAndChangesNothing(FxRobot robot, @TempDir Path folder) throws Exception {
        Path notAPreset = Files.writeString(folder.resolve("other.json"), "{\"name\": \"something else\"}");
        RenderSettings before = ui.studio.settings().snapshot();

        var result = ui.studio.files().openPreset(notAPreset);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, result::isDone);
        robot.interact(() -> { });

        assertThat(result).isCompletedExceptionally();
        assertThat(ui.studio.messages().latestProperty().get().text()).contains("other.json", "not an Atelier settings file");
        assertThat(ui.studio.settings().snapshot()).isEqualTo(before);
    }
}
