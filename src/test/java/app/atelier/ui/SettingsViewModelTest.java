package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.CostMode;
import app.atelier.engine.Defaults;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.StyleLayer;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.settings.RenderSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controls' state as plain objects: live parameters follow every edit; presets are validated. */
class SettingsViewModelTest {

    @Test
    void startsFromTheEngineDefaults() {
        SettingsViewModel settings = new SettingsViewModel();
        assertThat(settings.liveParameters()).isEqualTo(Defaults.parameters(Defaults.BACKBONE));
        assertThat(settings.sizeProperty().get()).isEqualTo(Defaults.LONG_SIDE);
    }

    @Test
    void settingsWithSeveralContentLayersKeepThemAllUntilTheUserPicksOne() {
        SettingsViewModel settings = new SettingsViewModel();
        RenderSettings defaults = RenderSettings.defaults(BackboneKind.SQUEEZENET1_1);
        settings.apply(new RenderSettings(defaults.backbone(), defaults.device(), List.of("fire1", "fire5"),
                defaults.styleLayers(), defaults.alpha(), defaults.beta(), defaults.tvWeight(), defaults.learningRate(),
                defaults.size(), defaults.init(), defaults.iterations(), defaults.seed(), defaults.quality(),
                defaults.costMode()));

        assertThat(settings.contentLayerProperty().get()).isEqualTo("fire1");
        assertThat(settings.liveParameters().contentLayers()).containsExactly("fire1", "fire5");
        assertThat(settings.snapshot().contentLayers()).containsExactly("fire1", "fire5");

        settings.contentLayerProperty().set("fire3");
        assertThat(settings.liveParameters().contentLayers()).containsExactly("fire3");
        assertThat(settings.snapshot().contentLayers()).containsExactly("fire3");
    }

    @Test
    void liveParametersFollowBetaAndLayerEdits() {
        SettingsViewModel settings = new SettingsViewModel();
        List<LiveParameters> seen = new ArrayList<>();
        settings.liveParametersProperty().addListener((obs, old, now) -> seen.add(now));

        settings.betaProperty().set(40);
        settings.styleLayers().stream().filter(layer -> layer.name().equals("fire2")).findFirst().orElseThrow()
                .enabledProperty().set(false);
        settings.styleLayers().stream().filter(layer -> layer.name().equals("fire4")).findFirst().orElseThrow()
                .weightProperty().set(7);

        assertThat(seen).hasSize(3);
        LiveParameters last = seen.get(2);
        assertThat(last.beta()).isEqualTo(40);
        assertThat(last.styleLayers()).extracting(StyleLayer::name).doesNotContain("fire2").contains("conv0", "fire3", "fire4");
        assertThat(last.styleLayers()).contains(new StyleLayer("fire4", 7));
    }

    @Test
    void choosingAnotherNetworkTakesItsLayersAndKeepsTheStrengths() {
        SettingsViewModel settings = new SettingsViewModel();
        settings.alphaProperty().set(0.5);
        settings.betaProperty().set(3);
        settings.backboneProperty().set(BackboneKind.VGG19);
        // Normalised costs mean the same on every network, so the strengths carry over as they are.
        assertThat(settings.costModeProperty().get()).isEqualTo(app.atelier.engine.CostMode.NORMALIZED);
        assertThat(settings.liveParameters().alpha()).isEqualTo(0.5);
        assertThat(settings.liveParameters().beta()).isEqualTo(3);
        assertThat(settings.liveParameters().contentLayers()).isEqualTo(BackboneKind.VGG19.defaultContentLayers());
        assertThat(settings.liveParameters().styleLayers()).isEqualTo(BackboneKind.VGG19.defaultStyleLayers());
    }

    @Test
    void aPresetNamingAnUnknownLayerChangesNothing() {
        SettingsViewModel settings = new SettingsViewModel();
        RenderSettings defaults = RenderSettings.defaults();
        RenderSettings broken = new RenderSettings(defaults.backbone(), defaults.device(), List.of("conv9_9"), defaults.styleLayers(),
                2, 3, 0, 0.01, 128, defaults.init(), 10, 1);
        assertThatThrownBy(() -> settings.apply(broken)).hasMessageContaining("conv9_9");
        assertThat(settings.snapshot()).isEqualTo(defaults);
    }

    @Test
    void settingsFromBeforeCostModesKeepTheirExactCosts() {
        SettingsViewModel settings = new SettingsViewModel();
        assertThat(settings.liveParameters().costMode()).isEqualTo(CostMode.NORMALIZED);
        RenderSettings defaults = RenderSettings.defaults();
        RenderSettings old = new RenderSettings(defaults.backbone(), defaults.device(), defaults.contentLayers(),
                defaults.styleLayers(), 1, 0.0025, 0, 0.015, 256, defaults.init(), 200, 42, null, null);

        settings.apply(old);

        assertThat(settings.liveParameters().costMode()).isEqualTo(CostMode.EXACT);
        assertThat(settings.liveParameters().beta()).isEqualTo(0.0025);
        assertThat(settings.snapshot().costMode()).isEqualTo("exact");
        settings.reset();
        assertThat(settings.liveParameters().costMode()).isEqualTo(CostMode.NORMALIZED);
    }
}
