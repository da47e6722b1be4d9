package app.atelier.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** One row of the style layer list: a tap, whether it is used, and its weight λ. FX thread only. */
public final class StyleLayerChoice {

    private final String name;
    private final BooleanProperty enabled;
    private final DoubleProperty weight;

    public StyleLayerChoice(String name, boolean enabled, double weight) {
        this.name = name;
        this.enabled = new SimpleBooleanProperty(this, "enabled", enabled);
        this.weight = new SimpleDoubleProperty(this, "weight", weight);
    }

    public String name() {
        return name;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public DoubleProperty weightProperty() {
        return weight;
    }
}
