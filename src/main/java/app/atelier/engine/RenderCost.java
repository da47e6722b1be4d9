package app.atelier.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * A rough advance notice of what a large render costs, so that nobody starts a 4096 px run
 * without knowing it takes minutes per iteration and gigabytes. Linear in the pixel count:
 * SqueezeNet from a 4096x3072 window run on a 2-core CPU (2.3 min and about 10 GB per iteration),
 * VGG19 from its 512 px time (3.4 s) and its activations (about 300 floats per pixel, kept for
 * the backward pass, with their gradients).
 */
public final class RenderCost {

    /** Below this long side a render is quick enough to need no notice. */
    public static final int NOTICE_ABOVE = 1024;

    private RenderCost() {
    }

    /** What one iteration roughly takes on a desktop CPU. */
    public record Estimate(double seconds, double bytes) {

        /** "about 10 GB and ~2 min per iteration". */
        public String describe() {
            double gigabytes = bytes / 1e9;
            return String.format(Locale.ROOT, "about %s GB and ~%s per iteration",
                    gigabytes < 9.5 ? String.format(Locale.ROOT, "%.1f", gigabytes) : Math.round(gigabytes),
                    duration(seconds));
        }
    }

    /** The cost of one iteration of {@code backbone} on a picture of {@code pixels} pixels. */
    public static Estimate perIteration(BackboneKind backbone, double pixels) {
        boolean vgg = backbone == BackboneKind.VGG19;
        return new Estimate(pixels * (vgg ? 13e-6 : 11e-6), pixels * (vgg ? 2500 : 800));
    }

    /** A sentence on time and memory per iteration when {@code spec} is large, else empty. */
    public static Optional<String> notice(JobSpec spec) {
        if (spec.longSide() <= NOTICE_ABOVE) {
            return Optional.empty();
        }
        double shortSide = RenderSize.shortSideAt(spec.content(), spec.longSide());
        Estimate estimate = perIteration(spec.backbone(), shortSide * spec.longSide());
        return Optional.of(String.format(Locale.ROOT, "at %d px expect roughly %s per iteration and %.0f GB of"
                + " memory on a desktop CPU, and Stop waits for the iteration under way", spec.longSide(),
                duration(estimate.seconds()), Math.max(1, estimate.bytes() / 1e9)));
    }

    private static String duration(double seconds) {
        return seconds < 90 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
    }
}
