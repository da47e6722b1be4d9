package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
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
        SettingsCodec.write(SettingsDocument.preset(settings.snapshot()), file);
        assertThat(Files.readString(file)).contains("\"optimizer\": \"LBFGS\"", "\"scales\": 3",
                "\"iterationsPerScale\": 40", "\"lbfgsGradientTolerance\": 1.0E-4", "\"lbfgsCostTolerance\": 5.0E-8");

        SettingsViewModel reopened = new SettingsViewModel();
        reopened.apply(SettingsCodec.read(file).settings());

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
        assertThat(reopened.quality().toRenderQuality()).isEqualTo(app.atelier.engine.Defaults.QUALITY);
    }

    @Test
    void aPresetWithoutAQualitySectionReadsAsTheDefaults(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("old.json");
        SettingsCodec.write(SettingsDocument.preset(RenderSettings.defaults()), file);
        String old = Files.readString(file).replaceAll(",\\s*\"quality\": \\{[^}]*\\}", "");
        assertThat(old).doesNotContain("quality");
        Files.writeString(file, old);

        RenderSettings read = SettingsCodec.read(file).settings();
        assertThat(read.quality()).isEqualTo(RenderSettings.QualitySetting.defaults());
    }

    @Test
    void aQualitySectionWithoutTolerancesOrIterationsPerScaleReadsThemAsTheDefaults(@TempDir Path folder)
            throws Exception {
        SettingsViewModel settings = new SettingsViewModel();
        settings.quality().optimizerProperty().set(OptimizerKind.LBFGS);
        settings.quality().lbfgsHistoryProperty().set(9);
        settings.quality().scalesProperty().set(3);
        Path file = folder.resolve("older.json");
        SettingsCodec.write(SettingsDocument.preset(settings.snapshot()), file);
        String older = Files.readString(file)
                .replaceAll("\\s*\"(lbfgsGradientTolerance|lbfgsCostTolerance|iterationsPerScale)\": [^,]*,", "");
        assertThat(older).doesNotContain("Tolerance").doesNotContain("iterationsPerScale");
        Files.writeString(file, older);

        SettingsViewModel reopened = new SettingsViewModel();
        reopened.apply(SettingsCodec.read(file).settings());

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
        RenderSettings defaults = RenderSettings.defaults();
        RenderSettings broken = new RenderSettings(defaults.backbone(), defaults.device(), defaults.contentLayers(),
                defaults.styleLayers(), 7, defaults.beta(), defaults.tvWeight(), defaults.learningRate(),
                defaults.size(), defaults.init(), defaults.iterations(), defaults.seed(),
                new RenderSettings.QualitySetting("SGD", 5, 1e-5, 1e-7, 2, 0, 0, false, false, 1, "MAX"), defaults.costMode());
        assertThatThrownBy(() -> settings.apply(broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.alphaProperty().get()).isNotEqualTo(7);
    }
}
