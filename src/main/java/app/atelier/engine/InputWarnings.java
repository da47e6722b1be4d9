package app.atelier.engine;

import app.atelier.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What in a job's input will surprise the user although it runs: pictures far smaller than the
 * output, a mask of another shape or one that is black everywhere, a style with no weight, bfloat16
 * on a CPU without it. One sentence each, for the command line's warnings and the window's message bar.
 */
public final class InputWarnings {

    /** Scaling a picture up more than this many times leaves nothing but blurred blocks. */
    static final double MAX_UPSCALE = 4;

    /** Shapes this close count as the same (rounding to whole pixels moves ratios a little). */
    private static final double SAME_ASPECT = 0.02;

    private InputWarnings() {
    }

    public static List<String> of(JobSpec spec) {
        List<String> warnings = new ArrayList<>();
        RgbImage content = spec.content();
        double contentUp = (double) spec.longSide() / content.longSide();
        if (contentUp > MAX_UPSCALE) {
            warnings.add(String.format(Locale.ROOT, "the content picture is only %dx%d px: scaled up %.0f times"
                    + " to %d px, it has no detail to keep", content.width(), content.height(), contentUp,
                    spec.longSide()));
        }
        int styleSide = ScaleStage.stylesSide(spec.longSide(), spec.quality().styleScale());
        for (int i = 0; i < spec.styles().size(); i++) {
            RgbImage style = spec.styles().get(i).image();
            double styleUp = (double) styleSide / style.longSide();
            if (styleUp > MAX_UPSCALE) {
                warnings.add(String.format(Locale.ROOT, "style picture %d is only %dx%d px: scaled up %.0f times,"
                        + " its strokes become blurred blocks", i + 1, style.width(), style.height(), styleUp));
            }
        }
        RgbImage mask = spec.quality().mask();
        if (mask != null) {
            double maskAspect = (double) mask.width() / mask.height();
            double contentAspect = (double) content.width() / content.height();
            if (Math.abs(maskAspect / contentAspect - 1) > SAME_ASPECT) {
                warnings.add(String.format(Locale.ROOT, "the mask is %dx%d px but the content picture is %dx%d px:"
                        + " the mask is stretched to the content's shape", mask.width(), mask.height(),
                        content.width(), content.height()));
            }
            if (isBlack(mask)) {
                warnings.add("the mask is black everywhere: the style applies nowhere and the result stays the photo");
            }
        }
        LiveParameters parameters = spec.parameters();
        if (parameters.styleLayers().stream().allMatch(layer -> layer.weight() == 0)) {
            warnings.add("no style layer has a weight above 0: the painting has no effect");
        } else if (parameters.beta() == 0) {
            warnings.add("the style weight β is 0: the painting has no effect");
        }
        if (Bfloat16Support.refused(spec.quality().bfloat16(), Bfloat16Support.offeredFor(spec.device()))) {
            warnings.add("bfloat16 is asked for, but this CPU has no native bfloat16 instructions:"
                    + " the job runs in float32 on it");
        }
        return warnings;
    }

    private static boolean isBlack(RgbImage image) {
        for (int pixel : image.argb()) {
            if ((pixel & 0xFFFFFF) != 0) {
                return false;
            }
        }
        return true;
    }
}
