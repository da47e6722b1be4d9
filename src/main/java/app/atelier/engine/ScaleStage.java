package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;

/**
 * What a job needs at one output size: the content at that size, the targets and cost, and the
 * mask. A coarse-to-fine job builds one per size; the arrays live in the stage's own manager.
 *
 * <p>The mask works by composition inside the cost: the network sees
 * content + m·(pixels − content), with m in [0, 1] from the mask's grey level, so outside the
 * mask (m = 0) the picture is the content and the gradient there is zero for either optimiser.
 *
 * <p>Used only on the job's worker thread.
 */
final class ScaleStage implements AutoCloseable {

    /** Style images are never fed smaller than this, whatever the style scale. */
    static final int SMALLEST_STYLE = 32;

    /** The job's pictures after the once-per-job colour preparation. */
    record Images(RgbImage content, List<StyleSource> styles, RgbImage mask) {

        /** Matches the styles' colour statistics to the content when asked; mask may be null. */
        static Images prepare(RgbImage content, List<StyleSource> styles, RgbImage mask, boolean matchHistogram) {
            List<StyleSource> prepared = matchHistogram
                    ? styles.stream().map(s -> new StyleSource(ColorStatisticsMatch.matchTo(s.image(), content),
                    s.weight())).toList()
                    : styles;
            return new Images(content, prepared, mask);
        }
    }

    private final NDManager manager;
    private final RgbImage content;
    private final StyleTargets targets;
    private final StyleObjective objective;
    private final NDArray contentTensor;
    private final NDArray mask;

    ScaleStage(Backbone backbone, NDManager parent, Images images, int longSide, double styleScale) {
        this.manager = parent.newSubManager();
        this.content = ImageResizer.toLongSide(images.content(), longSide);
        this.targets = new StyleTargets(backbone, manager, content, stylesAt(images.styles(), longSide, styleScale),
                DataType.FLOAT32);
        this.objective = new StyleObjective(backbone, targets);
        if (images.mask() != null) {
            contentTensor = ImageTensors.toTensor(manager, content, DataType.FLOAT32);
            mask = maskTensor(manager, ImageResizer.resize(images.mask(), content.width(), content.height()));
        } else {
            contentTensor = null;
            mask = null;
        }
    }

    /** The styles as fed to the network: long side {@code styleScale} times the output's. */
    static List<StyleSource> stylesAt(List<StyleSource> styles, int longSide, double styleScale) {
        int styleSide = stylesSide(longSide, styleScale);
        return styles.stream()
                .map(s -> new StyleSource(ImageResizer.toLongSide(s.image(), styleSide), s.weight()))
                .toList();
    }

    /** The long side of the style images fed to the network. */
    static int stylesSide(int longSide, double styleScale) {
        return Math.max(SMALLEST_STYLE, (int) Math.round(longSide * styleScale));
    }

    private static NDArray maskTensor(NDManager manager, RgbImage mask) {
        int[] argb = mask.argb();
        float[] grey = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            grey[i] = (float) (OriginalColors.luma(argb[i]) / 255.0);
        }
        return manager.create(grey, new Shape(1, 1, mask.height(), mask.width()));
    }

    /** The content at this stage's size. */
    RgbImage content() {
        return content;
    }

    StyleObjective objective() {
        return objective;
    }

    /** What the network sees and the user gets for {@code pixels}; new arrays land on {@code pixels}' manager. */
    NDArray composite(NDArray pixels) {
        if (mask == null) {
            return pixels;
        }
        return pixels.sub(contentTensor).mul(mask).add(contentTensor);
    }

    /** The picture shown for {@code pixels}: the mask composite, then the content's colours when asked. */
    RgbImage picture(NDArray pixels, boolean originalColors, NDManager scope) {
        RgbImage picture;
        if (mask == null) {
            picture = ImageTensors.toImage(pixels);
        } else {
            NDArray borrowed = pixels.duplicate();
            borrowed.attach(scope);
            picture = ImageTensors.toImage(composite(borrowed));
        }
        return originalColors ? OriginalColors.apply(picture, content) : picture;
    }

    @Override
    public void close() {
        manager.close();
    }
}
