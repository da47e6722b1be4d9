package app.atelier.engine;

import app.atelier.image.RgbImage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sizes a render may have, checked before any work by the window and the command line alike:
 * a size that cannot fit ends in one sentence, not in an out-of-memory after minutes or a raw
 * PyTorch message.
 */
public final class RenderSize {

    public static final int MIN_LONG_SIDE = 16;

    /**
     * At 4096 px one VGG19 iteration already takes minutes and about 10 GB on a desktop CPU;
     * above it int sizes overflow in places (a 100000 px picture has 10^10 pixels).
     */
    public static final int MAX_LONG_SIDE = 4096;

    private RenderSize() {
    }

    /** Why {@code spec} cannot render, in one sentence without option names, or empty when it can. */
    public static Optional<String> problem(JobSpec spec) {
        return problem(spec.backbone(), spec.parameters(), spec.content(),
                spec.styles().stream().map(StyleSource::image).toList(), spec.longSide(), spec.quality());
    }

    public static Optional<String> problem(BackboneKind backbone, LiveParameters parameters, RgbImage content,
                                           List<RgbImage> styles, int longSide, RenderQuality quality) {
        if (longSide < MIN_LONG_SIDE || longSide > MAX_LONG_SIDE) {
            return Optional.of("the output size " + longSide + " px is outside " + MIN_LONG_SIDE + ".."
                    + MAX_LONG_SIDE + " px, the sizes Atelier renders");
        }
        long styleSide = Math.round(longSide * quality.styleScale());
        if (styleSide > MAX_LONG_SIDE) {
            return Optional.of(String.format(Locale.ROOT,
                    "a style scale of %s at %d px asks for %d px style images, above %d px; lower one of them",
                    quality.styleScale(), longSide, styleSide, MAX_LONG_SIDE));
        }
        Set<String> taps = new LinkedHashSet<>(parameters.contentLayers());
        parameters.styleLayers().forEach(layer -> taps.add(layer.name()));
        int smallest = FeatureGeometry.smallestSide(backbone, taps);
        // Coarse to fine starts smaller: its first size is the one that must still fit.
        int firstSide = ScaleSchedule.of(longSide, quality.scales(), quality.scales(), 0).longSide(0);
        Optional<String> contentProblem = shapeProblem("content picture", content, firstSide, smallest, backbone,
                firstSide == longSide);
        if (contentProblem.isPresent()) {
            return contentProblem;
        }
        int firstStyleSide = ScaleStage.stylesSide(firstSide, quality.styleScale());
        for (RgbImage style : styles) {
            Optional<String> styleProblem = shapeProblem("style picture", style, firstStyleSide, smallest, backbone,
                    false);
            if (styleProblem.isPresent()) {
                return styleProblem;
            }
        }
        return Optional.empty();
    }

    /** The short side {@code image} gets when its long side is scaled to {@code longSide}, as the resizer rounds it. */
    static int shortSideAt(RgbImage image, int longSide) {
        int shortSide = Math.min(image.width(), image.height());
        return Math.max(1, (int) Math.round((double) shortSide * longSide / image.longSide()));
    }

    /** @param sizeHelps whether a larger output size would give the picture enough pixels */
    private static Optional<String> shapeProblem(String what, RgbImage image, int side, int smallest,
                                                 BackboneKind backbone, boolean sizeHelps) {
        int shortSide = shortSideAt(image, side);
        if (shortSide >= smallest) {
            return Optional.empty();
        }
        long needed = (long) Math.ceil((double) smallest * image.longSide() / Math.min(image.width(), image.height()));
        String remedy = sizeHelps && needed <= MAX_LONG_SIDE
                ? "use an output size of at least " + needed + " px or crop the picture"
                : "crop the picture to a less extreme shape";
        return Optional.of(String.format(Locale.ROOT,
                "the %s is %dx%d px: scaled to %d px it is %d px thin, and %s needs at least %d px on each side"
                        + " for the chosen layers; %s",
                what, image.width(), image.height(), side, shortSide, backbone.displayName(), smallest, remedy));
    }
}
