package app.atelier.engine;

import app.atelier.image.RgbImage;

/**
 * The settings that trade time for picture quality. They are fixed for a job (changing one needs
 * new targets or a new optimiser); {@link #DEFAULT} is plain single-scale Adam.
 *
 * @param optimizer              Adam or L-BFGS
 * @param lbfgsHistory           curvature pairs L-BFGS keeps (memory: two pictures per pair)
 * @param lbfgsGradientTolerance L-BFGS stops when the largest gradient component has fallen to this
 *                               share of the first one (relative: this cost's gradients are tiny)
 * @param lbfgsCostTolerance     L-BFGS stops when a step lowers the cost by less than this share of it
 * @param scales                 number of sizes, about √2 apart, ending at the output size; 1 = single scale
 * @param iterationsPerScale     iterations at each size; 0 splits the job's iterations evenly
 * @param emaDecay               decay of the exponential moving average shown as the picture; 0 = off
 * @param originalColors         keep the content's colours: only luminance is transferred (YCbCr)
 * @param matchHistogram         match the style images' colour mean and covariance to the content's first
 * @param styleScale             style images are fed at this multiple of the output size (brush size)
 * @param mask                   where the style may apply (white) and where the content stays (black);
 *                               any size, stretched to the output; null = everywhere
 * @param paintingPalette        at the end of each size the picture takes the painting's colour
 *                               distribution ({@link PaletteTransfer}); off with originalColors or a mask
 * @param bfloat16               run the backbone in bfloat16 where that is faster ({@link Bfloat16Support});
 *                               costs, gradient, optimiser and picture stay float32. Elsewhere the job runs
 *                               float32 and says so
 */
public record RenderQuality(OptimizerKind optimizer, int lbfgsHistory, double lbfgsGradientTolerance,
                            double lbfgsCostTolerance, int scales, int iterationsPerScale, double emaDecay,
                            boolean originalColors, boolean matchHistogram, double styleScale, RgbImage mask,
                            boolean paintingPalette, boolean bfloat16) {

    public static final int DEFAULT_LBFGS_HISTORY = 20;
    /** Each pair holds two picture-sized tensors. */
    public static final int MAX_LBFGS_HISTORY = 200;
    /** Eight √2 steps already start at 1/11 of the output size. */
    public static final int MAX_SCALES = 8;
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-5;
    public static final double DEFAULT_COST_TOLERANCE = 1e-7;

    /** The first release's behaviour: single-scale Adam, no averaging, no colour handling, no mask. */
    public static final RenderQuality DEFAULT = new RenderQuality(OptimizerKind.ADAM, DEFAULT_LBFGS_HISTORY,
            DEFAULT_GRADIENT_TOLERANCE, DEFAULT_COST_TOLERANCE, 1, 0, 0.0, false, false, 1.0, null, false, false);

    public RenderQuality {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is required");
        }
        if (lbfgsHistory < 1) {
            throw new IllegalArgumentException("L-BFGS history must be at least 1, got " + lbfgsHistory);
        }
        requireShare("L-BFGS gradient tolerance", lbfgsGradientTolerance);
        requireShare("L-BFGS cost tolerance", lbfgsCostTolerance);
        if (scales < 1) {
            throw new IllegalArgumentException("scales must be at least 1, got " + scales);
        }
        if (iterationsPerScale < 0) {
            throw new IllegalArgumentException("iterations per scale must be >= 0, got " + iterationsPerScale);
        }
        requireShare("EMA decay", emaDecay);
        if (!(styleScale > 0) || Double.isInfinite(styleScale)) {
            throw new IllegalArgumentException("style scale must be a finite number > 0, got " + styleScale);
        }
    }

    private static void requireShare(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + value);
        }
    }

    /**
     * The run's length in iterations: {@code iterationsPerScale} at each of the sizes when a count
     * per size is set (the requested count is then ignored), else {@code requested}, split over the sizes.
     */
    public int totalIterations(int requested) {
        return iterationsPerScale > 0 ? iterationsPerScale * scales : requested;
    }

    public RenderQuality withOptimizer(OptimizerKind value) {
        return new RenderQuality(value, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, matchHistogram, styleScale, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withLbfgs(int history, double gradientTolerance, double costTolerance) {
        return new RenderQuality(optimizer, history, gradientTolerance, costTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, matchHistogram, styleScale, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withScales(int count, int iterationsEach) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, count,
                iterationsEach, emaDecay, originalColors, matchHistogram, styleScale, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withEmaDecay(double value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, value, originalColors, matchHistogram, styleScale, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withOriginalColors(boolean value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, value, matchHistogram, styleScale, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withMatchHistogram(boolean value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, value, styleScale, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withStyleScale(double value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, matchHistogram, value, mask, paintingPalette, bfloat16);
    }

    public RenderQuality withPaintingPalette(boolean value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, matchHistogram, styleScale, mask, value, bfloat16);
    }

    /** The painting's palette applies: asked for, and neither the photo's colours nor a mask rule the picture. */
    public boolean usesPaintingPalette() {
        return paintingPalette && !originalColors && mask == null;
    }

    /** See {@link #bfloat16()}: a request, which the job grants only where bfloat16 is native. */
    public RenderQuality withBfloat16(boolean value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, matchHistogram, styleScale, mask, paintingPalette, value);
    }

    /** @param value the mask picture, or null for none */
    public RenderQuality withMask(RgbImage value) {
        return new RenderQuality(optimizer, lbfgsHistory, lbfgsGradientTolerance, lbfgsCostTolerance, scales,
                iterationsPerScale, emaDecay, originalColors, matchHistogram, styleScale, value, paintingPalette, bfloat16);
    }
}
