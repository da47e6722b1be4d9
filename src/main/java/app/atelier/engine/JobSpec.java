package app.atelier.engine;

import app.atelier.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a job renders. Changing anything here needs new targets (see
 * {@code StyleTransferJob#retarget}); what may change freely lives in {@link LiveParameters}.
 *
 * @param backbone   the feature network
 * @param weights    its weights: a folder of .npy files (SqueezeNet) or a .safetensors file (VGG19)
 * @param pooling    pooling used between VGG blocks (SqueezeNet ignores it)
 * @param device     where to compute
 * @param content    the content photo, any size: the job scales it to {@code longSide}
 * @param styles     one or more style images with blend weights
 * @param longSide   output long side in pixels; the short side follows the content's aspect
 * @param init       start image
 * @param seed       seed for noise; same seed and settings give the same frames
 * @param iterations number of iterations
 * @param parameters the initial live parameters
 * @param quality    optimiser, scales, colours, mask: what trades time for quality
 */
public record JobSpec(BackboneKind backbone, Path weights, Pooling pooling, ComputeDevice device,
                      RgbImage content, List<StyleSource> styles, int longSide, InitMode init,
                      long seed, int iterations, LiveParameters parameters,
                      RenderQuality quality) {
    public JobSpec {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(parameters, "parameters");
        styles = List.copyOf(styles);
        if (styles.isEmpty()) {
            throw new IllegalArgumentException("at least one style image is needed");
        }
        if (longSide < 16) {
            throw new IllegalArgumentException("output size must be at least 16 px, got " + longSide);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
    }

    /** A job with {@link RenderQuality#DEFAULT}: single-scale Adam. */
    public JobSpec(BackboneKind backbone, Path weights, Pooling pooling, ComputeDevice device,
                   RgbImage content, List<StyleSource> styles, int longSide, InitMode init,
                   long seed, int iterations, LiveParameters parameters) {
        this(backbone, weights, pooling, device, content, styles, longSide, init, seed, iterations, parameters,
                RenderQuality.DEFAULT);
    }

    /** The same render at another size (a print's, or its working size). */
    public JobSpec withLongSide(int value) {
        return new JobSpec(backbone, weights, pooling, device, content, styles, value, init, seed, iterations,
                parameters, quality);
    }

    /** The same render with other live parameters (the ones a picture's iteration used). */
    public JobSpec withParameters(LiveParameters value) {
        return new JobSpec(backbone, weights, pooling, device, content, styles, longSide, init, seed, iterations,
                value, quality);
    }

    public JobSpec withQuality(RenderQuality value) {
        return new JobSpec(backbone, weights, pooling, device, content, styles, longSide, init, seed, iterations,
                parameters, value);
    }
}
