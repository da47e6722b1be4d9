package app.atelier.ui.images;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** One style picture and its blend weight (relative to the other styles). FX thread only. */
public final class StyleEntry {

    private final LoadedImage image;
    private final DoubleProperty weight;

    public StyleEntry(LoadedImage image, double weight) {
        this.image = image;
        this.weight = new SimpleDoubleProperty(this, "weight", weight);
    }

    public LoadedImage image() {
        return image;
    }

    public DoubleProperty weightProperty() {
        return weight;
    }

    public double weight() {
        return weight.get();
    }
}
