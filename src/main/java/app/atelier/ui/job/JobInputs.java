package app.atelier.ui.job;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.InitMode;
import app.atelier.engine.JobSpec;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.RenderSize;
import app.atelier.engine.StyleSource;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsResolution;
import app.atelier.model.WeightsSearchPath;
import app.atelier.ui.controls.SettingsViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a job needs except its weights, as the window's settings and pictures stood when
 * Start was pressed: taken on the FX thread (cheap, and the settings may change right after), then
 * turned into a {@link JobSpec} off it, where looking the weights up on disk cannot hold the window.
 */
record JobInputs(BackboneKind backbone, Pooling pooling, ComputeDevice device, RgbImage content,
                 List<StyleSource> styles, int longSide, InitMode init, long seed, int iterations,
                 LiveParameters parameters, RenderQuality quality) {

    /** What came of looking the weights up: a spec to start, or the message saying why not. */
    sealed interface Prepared permits Ready, Refused, MissingWeights {
    }

    record Ready(JobSpec spec) implements Prepared {
    }

    record Refused(String message) implements Prepared {
    }

    /** No weights for {@code backbone} anywhere on the search path; the message says where Atelier looked. */
    record MissingWeights(BackboneKind backbone, String message) implements Prepared {
    }

    /** FX thread. */
    static JobInputs of(SettingsViewModel settings, RgbImage content, List<StyleSource> styles) {
        RenderQuality quality = settings.quality().toRenderQuality();
        return new JobInputs(settings.backboneProperty().get(), settings.quality().poolingProperty().get(),
                settings.deviceProperty().get(), content, styles, settings.sizeProperty().get(),
                settings.initProperty().get(), settings.seedProperty().get(),
                quality.totalIterations(settings.iterationsProperty().get()), settings.liveParameters(), quality);
    }

    /** Any thread but the FX thread: finds the weights along {@code searchPath} and builds the spec. */
    Prepared prepare(WeightsSearchPath searchPath) {
        Optional<Path> weights = searchPath.find(backbone);
        if (weights.isEmpty()) {
            return new MissingWeights(backbone, WeightsResolution.notFoundForWindow(backbone, searchPath));
        }
        JobSpec spec;
        try {
            spec = new JobSpec(backbone, weights.get(), pooling, device, content, styles, longSide, init,
                    seed, iterations, parameters, quality);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Refused("Cannot start: " + e.getMessage());
        }
        Optional<String> sizeProblem = RenderSize.problem(spec);
        return sizeProblem.<Prepared>map(problem -> new Refused("Cannot start: " + problem + "."))
                .orElseGet(() -> new Ready(spec));
    }
}
