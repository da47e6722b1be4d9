package app.atelier.ui.controls;

import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A weight on a logarithmic slider (one notch per decade) beside an editable number. Both edit
 * the same property; typed values outside the slider's range still apply, the knob just rests at
 * the end. FX thread only.
 */
public final class LogSlider extends HBox {

    private final Slider slider;
    private boolean syncing;

    /**
     * @param minExponent the slider's left end, as a power of ten
     * @param maxExponent the slider's right end, as a power of ten
     */
    public LogSlider(String id, DoubleProperty property, int minExponent, int maxExponent) {
        setId(id);
        getStyleClass().add("log-slider");
        setSpacing(8);
        slider = new Slider(minExponent, maxExponent, exponentOf(property.get(), minExponent));
        slider.setId(id + "-slider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setShowTickMarks(true);
        HBox.setHgrow(slider, Priority.ALWAYS);
        NumberField field = NumberField.forDouble(property, 0, 1e12);
        field.setId(id + "-field");
        field.setPrefColumnCount(6);
        // The slider may shrink when the panel is narrow; the number must stay readable.
        field.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(slider, field);

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
                    slider.setValue(exponentOf(value.doubleValue(), minExponent));
                } finally {
                    syncing = false;
                }
            }
        });
    }

    private static double exponentOf(double value, int minExponent) {
        return value > 0 ? Math.log10(value) : minExponent;
    }

    public Slider slider() {
        return slider;
    }
}
