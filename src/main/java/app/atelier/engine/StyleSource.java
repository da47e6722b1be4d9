package app.atelier.engine;

import app.atelier.image.RgbImage;

/** One style image and its blend weight; Gram targets of several styles are mixed by weight. */
public record StyleSource(RgbImage image, double weight) {
    public StyleSource {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("style blend weight must be a finite number >= 0, got " + weight);
        }
    }
}
