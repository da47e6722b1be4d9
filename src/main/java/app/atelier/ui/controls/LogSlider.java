package app.atelier.ui.controls;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Slider;

/**
 * A weight on a logarithmic slider (one notch per decade) and an editable number, placed by the
 * panel (the number beside the label, the slider full width below it). Both edit the same
 * property; typed values outside the slider's range still apply, the knob just rests at the end.
 * FX thread only.
 */
public final class LogSlider {

    private final Slider slider;
    private final NumberField field;
    private final DoubleProperty property;
    private boolean syncing;

    /**
     * @param minExponent the slider's left end, as a power of ten
     * @param maxExponent the slider's right end, as a power of ten
     */
    public LogSlider(String id, DoubleProperty property, int minExponent, int maxExponent) {
        this.property = property;
        slider = new Slider(minExponent, maxExponent, exponentOf(property.get(), minExponent));
        slider.setId(id + "-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        slider.getStyleClass().add("log-slider");
        field = NumberField.forDouble(property, 0, 1e12);
        field.setId(id + "-field");
        field.setPrefColumnCount(6);

        slider.valueProperty().addListener((obs, old, exponent) -> {
            if (!syncing) {
                syncing = true;
                try {
                    property.set(NumberFormat.roundToThreeDigits(Math.pow(10, exponent.doubleValue())));
                } finally {
                    syncing = false;
                }
            }
        });
        property.addListener((obs, old, value) -> {
            if (!syncing) {
                syncing = true;
                try {
                    slider.setValue(exponentOf(value.doubleValue(), (int) slider.getMin()));
                } finally {
                    syncing = false;
                }
            }
        });
    }

    /** Moves the slider's ends (powers of ten); the property keeps its value. */
    public void setRange(int minExponent, int maxExponent) {
        syncing = true;
        try {
            slider.setMin(minExponent);
            slider.setMax(maxExponent);
            slider.setValue(exponentOf(property.get(), minExponent));
        } finally {
            syncing = false;
        }
    }

    private static double exponentOf(double value, int minExponent) {
        return value > 0 ? Math.log10(value) : minExponent;
    }

    public double value() {
        return property.get();
    }

    public Slider slider() {
        return slider;
    }

    public NumberField field() {
        return field;
    }
}
