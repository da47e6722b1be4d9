package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;
import java.util.Set;

/**
 * The photo's likeness at a deep layer of the backbone: the cosine of the render's and the photo's
 * activations there, position by position, rescaled like {@link Recognisability} so that the
 * photo itself reads 1 and the closest unrelated picture (the painting, other photos) 0. Deep
 * activations answer to what is shown more than to how it is painted, though the painting's
 * texture still moves them, so a good render reads well below 1 here.
 */
final class FeatureLikeness {

    static final String LAYER = "fire7";

    private final Backbone net;
    private final NDManager manager;

    FeatureLikeness(Backbone net, NDManager manager) {
        this.net = net;
        this.manager = manager;
    }

    /** Every picture is compared at the render's size (stretched to it). */
    double score(RgbImage render, RgbImage photo, List<RgbImage> unrelated) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray target = activations(scope, photo, render);
            double baseline = unrelated.stream().mapToDouble(other -> cosine(activations(scope, other, render), target))
                    .max().orElse(0);
            return Recognisability.normalised(cosine(activations(scope, render, render), target), baseline);
        }
    }

    private static double cosine(NDArray a, NDArray b) {
        return a.mul(b).sum().getFloat() / Math.sqrt(a.square().sum().getFloat() * b.square().sum().getFloat());
    }

    private NDArray activations(NDManager scope, RgbImage image, RgbImage size) {
        RgbImage sized = ImageResizer.resize(image, size.width(), size.height());
        return net.features(ImageTensors.toTensor(scope, sized, DataType.FLOAT32), Set.of(LAYER)).get(LAYER);
    }
}
