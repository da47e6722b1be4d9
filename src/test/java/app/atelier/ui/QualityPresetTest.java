package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.controls.StudioSettings;
import app.atelier.ui.presets.PresetFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quality section goes into presets and comes back; presets from before it read as its defaults. */
class QualityPresetTest {

    @Test
    void theQualitySectionSurvivesAPresetFile(@TempDir Path folder) throws Exception {
        SettingsViewModel settings = new SettingsViewModel();
        settings.quality().optimizerProperty().set(OptimizerKind.LBFGS);
        settings.quality().lbfgsHistoryProperty().set(9);
        settings.quality().lbfgsGradientToleranceProperty().set(1e-4);
        settings.quality().lbfgsCostToleranceProperty().set(5e-8);
        settings.quality().scalesProperty().set(3);
        settings.quality().iterationsPerScaleProperty().set(40);
        settings.quality().emaDecayProperty().set(0.95);
        settings.quality().originalColorsProperty().set(true);
        settings.quality().matchHistogramProperty().set(true);
        settings.quality().styleScaleProperty().set(0.5);
        settings.quality().poolingProperty().set(Pooling.AVG);
        Path file = folder.resolve("quality.json");
        PresetFiles.write(settings.snapshot(), file);
        assertThat(settings.snapshot().asMetadata()).containsEntry("atelier.optimizer", "lbfgs")
                .containsEntry("atelier.scales", "3").containsEntry("atelier.iterations-per-scale", "40")
                .containsEntry("atelier.lbfgs-tolerance", "1.0E-4,5.0E-8");

        SettingsViewModel reopened = new SettingsViewModel();
        reopened.apply(PresetFiles.read(file));

        RenderQuality quality = reopened.quality().toRenderQuality();
        assertThat(quality.optimizer()).isEqualTo(OptimizerKind.LBFGS);
        assertThat(quality.lbfgsHistory()).isEqualTo(9);
        assertThat(quality.lbfgsGradientTolerance()).isEqualTo(1e-4);
        assertThat(quality.lbfgsCostTolerance()).isEqualTo(5e-8);
        assertThat(quality.scales()).isEqualTo(3);
        assertThat(quality.iterationsPerScale()).isEqualTo(40);
        assertThat(quality.emaDecay()).isEqualTo(0.95);
        assertThat(quality.originalColors()).isTrue();
        assertThat(quality.matchHistogram()).isTrue();
        assertThat(quality.styleScale()).isEqualTo(0.5);
        assertThat(reopened.quality().poolingProperty().get()).isEqualTo(Pooling.AVG);
        assertThat(reopened.snapshot()).isEqualTo(settings.snapshot());

        reopened.reset();
        assertThat(reopened.quality().toRenderQuality()).isEqualTo(RenderQuality.DEFAULT);
    }

    @Test
    void aPresetWithoutAQualitySectionReadsAsTheDefaults(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("old.json");
        PresetFiles.write(StudioSettings.defaults(), file);
        String old = Files.readString(file).replaceAll(",\\s*\"quality\": \\{[^}]*\\}", "");
        assertThat(old).doesNotContain("quality");
        Files.writeString(file, old);

        StudioSettings read = PresetFiles.read(file);
        assertThat(read.quality()).isEqualTo(StudioSettings.QualitySetting.defaults());
        assertThat(read.asMetadata()).doesNotContainKey("atelier.optimizer");
    }

    @Test
    void aQualitySectionWithoutTolerancesOrIterationsPerScaleReadsThemAsTheDefaults(@TempDir Path folder)
            throws Exception {
        SettingsViewModel settings = new SettingsViewModel();
        settings.quality().optimizerProperty().set(OptimizerKind.LBFGS);
        settings.quality().lbfgsHistoryProperty().set(9);
        settings.quality().scalesProperty().set(3);
        Path file = folder.resolve("older.json");
        PresetFiles.write(settings.snapshot(), file);
        String older = Files.readString(file)
                .replaceAll("\\s*\"(lbfgsGradientTolerance|lbfgsCostTolerance|iterationsPerScale)\": [^,]*,", "");
        assertThat(older).doesNotContain("Tolerance").doesNotContain("iterationsPerScale");
        Files.writeString(file, older);

        SettingsViewModel reopened = new SettingsViewModel();
        reopened.apply(PresetFiles.read(file));

        RenderQuality quality = reopened.quality().toRenderQuality();
        assertThat(quality.lbfgsHistory()).isEqualTo(9);
        assertThat(quality.scales()).isEqualTo(3);
        assertThat(quality.lbfgsGradientTolerance()).isEqualTo(RenderQuality.DEFAULT_GRADIENT_TOLERANCE);
        assertThat(quality.lbfgsCostTolerance()).isEqualTo(RenderQuality.DEFAULT_COST_TOLERANCE);
        assertThat(quality.iterationsPerScale()).isZero();
    }

    @Test
    void anUnknownOptimizerNameChangesNothing() {
        SettingsViewModel settings = new SettingsViewModel();
        StudioSettings defaults = StudioSettings.defaults();
        StudioSettings broken = new StudioSettings(defaults.backbone(), defaults.device(), defaults.contentLayer(),
                defaults.styleLayers(), 7, defaults.beta(), defaults.tvWeight(), defaults.learningRate(),
                defaults.size(), defaults.init(), defaults.iterations(), defaults.seed(),
                new StudioSettings.QualitySetting("SGD", 5, 1e-5, 1e-7, 2, 0, 0, false, false, 1, "MAX"), defaults.costMode());
        assertThatThrownBy(() -> settings.apply(broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.alphaProperty().get()).isNotEqualTo(7);
    }
}
