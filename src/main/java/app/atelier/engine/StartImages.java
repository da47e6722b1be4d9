package app.atelier.engine;

import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.Random;

/**
 * The picture a job starts optimising from (the spec's {@link InitMode}): the photo, the first
 * style, noise, or the photo blended with noise. Built from the seed alone, so the same seed and
 * settings give the same frames.
 */
final class StartImages {

    /** Share of noise in the BLEND start image; enough to break the photo's flat areas. */
    static final double BLEND_NOISE_SHARE = 0.4;

    private StartImages() {
    }

    /** The start picture at {@code content}'s size (the content already scaled to the first stage). */
    static RgbImage of(JobSpec spec, RgbImage content) {
        int width = content.width();
        int height = content.height();
        return switch (spec.init()) {
            case CONTENT -> content;
            case STYLE -> ImageResizer.resize(spec.styles().get(0).image(), width, height);
            case NOISE -> blend(content, new Random(spec.seed()), 1.0);
            case BLEND -> blend(content, new Random(spec.seed()), BLEND_NOISE_SHARE);
            case RECOLORED -> ColorStatisticsMatch.matchTo(content, spec.styles().get(0).image());
        };
    }

    private static RgbImage blend(RgbImage content, Random random, double noiseShare) {
        int[] argb = new int[content.argb().length];
        for (int i = 0; i < argb.length; i++) {
            int pixel = content.argb()[i];
            int r = mix((pixel >> 16) & 0xFF, random.nextInt(256), noiseShare);
            int g = mix((pixel >> 8) & 0xFF, random.nextInt(256), noiseShare);
            int b = mix(pixel & 0xFF, random.nextInt(256), noiseShare);
            argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return new RgbImage(content.width(), content.height(), argb);
    }

    private static int mix(int photo, int noise, double noiseShare) {
        return (int) Math.round(photo * (1 - noiseShare) + noise * noiseShare);
    }
}
