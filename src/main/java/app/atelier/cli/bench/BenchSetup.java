package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.Defaults;
import app.atelier.engine.InitMode;
import app.atelier.engine.JobSpec;
import app.atelier.engine.Pooling;
import app.atelier.engine.StyleSource;
import app.atelier.image.RgbImage;
import java.nio.file.Path;
import java.util.List;

/**
 * The job every benchmark mode runs: the app's default parameters for the backbone, the content
 * photo as the start image, one style at weight 1, on the CPU.
 */
public record BenchSetup(RgbImage content, RgbImage style, Path squeezeNetWeights, Path vgg19Weights) {

    public Path weights(BackboneKind backbone) {
        Path weights = backbone == BackboneKind.SQUEEZENET1_1 ? squeezeNetWeights : vgg19Weights;
        if (weights == null) {
            throw new IllegalStateException("no weights for " + backbone.displayName()
                    + ": set ATELIER_MODELS to a folder holding them");
        }
        return weights;
    }

    public JobSpec spec(BackboneKind backbone, int size, int iterations) {
        return new JobSpec(backbone, weights(backbone), Pooling.MAX, ComputeDevice.CPU, content,
                List.of(new StyleSource(style, 1.0)), size, InitMode.CONTENT, Defaults.SEED, iterations,
                Defaults.parameters(backbone));
    }
}
