package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.ComputeDevice;
import app.atelier.engine.Defaults;
import app.atelier.engine.InitMode;
import app.atelier.engine.JobSpec;
import app.atelier.engine.OptimizerKind;
import app.atelier.engine.Pooling;
import app.atelier.engine.RenderQuality;
import app.atelier.engine.StyleSource;
import app.atelier.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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

    /** Coarse-to-fine as the time-to-quality run uses it: three sizes √2 apart. */
    public static final int COARSE_TO_FINE_SCALES = 3;
    public static final int ITERATIONS_PER_SCALE = 60;
    public static final String COARSE_TO_FINE_SUFFIX = "+c2f";

    /**
     * @param optimizer "adam" or "lbfgs", as on the command line, optionally followed by "+c2f"
     *                  for coarse-to-fine ({@value #COARSE_TO_FINE_SCALES} sizes,
     *                  {@value #ITERATIONS_PER_SCALE} iterations each)
     */
    public JobSpec spec(BackboneKind backbone, int size, String optimizer, int iterations) {
        RenderQuality quality = RenderQuality.DEFAULT.withOptimizer(optimizer(optimizer));
        if (coarseToFine(optimizer)) {
            quality = quality.withScales(COARSE_TO_FINE_SCALES, ITERATIONS_PER_SCALE);
        }
        return new JobSpec(backbone, weights(backbone), Pooling.MAX, ComputeDevice.CPU, content,
                List.of(new StyleSource(style, 1.0)), size, InitMode.CONTENT, Defaults.SEED, iterations,
                Defaults.parameters(backbone), quality);
    }

    public static boolean coarseToFine(String optimizer) {
        return optimizer.toLowerCase(Locale.ROOT).endsWith(COARSE_TO_FINE_SUFFIX);
    }

    public static OptimizerKind optimizer(String label) {
        String name = coarseToFine(label) ? label.substring(0, label.length() - COARSE_TO_FINE_SUFFIX.length()) : label;
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adam" -> OptimizerKind.ADAM;
            case "lbfgs", "l-bfgs" -> OptimizerKind.LBFGS;
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose adam or lbfgs");
        };
    }
}
