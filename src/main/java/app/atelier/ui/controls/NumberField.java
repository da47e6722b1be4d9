package app.atelier.ui.controls;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/**
 * A text field bound both ways to a number property. What the user types is taken on Enter or
 * when the field loses focus; text that is no number or is out of range springs back.
 */
public final class NumberField extends TextField {

    /** Kept so the weakly held bidirectional binding lives as long as the field. */
    private final ObjectProperty<?> boxed;

    private NumberField(ObjectProperty<?> boxed) {
        this.boxed = boxed;
        getStyleClass().add("number-field");
    }

    public static NumberField forDouble(DoubleProperty property, double min, double max) {
        ObjectProperty<Double> boxed = property.asObject();
        NumberField field = new NumberField(boxed);
        TextFormatter<Double> formatter = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : NumberFormat.format(value);
            }

            @Override
            public Double fromString(String text) {
                double value = NumberFormat.parse(text);
                if (!(value >= min && value <= max)) {
                    throw new NumberFormatException(text + " is outside " + min + ".." + max);
                }
                return value;
            }
        }, property.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(boxed);
        return field;
    }

    public static NumberField forInteger(IntegerProperty property, int min, int max) {
        ObjectProperty<Integer> boxed = property.asObject();
        NumberField field = new NumberField(boxed);
        TextFormatter<Integer> formatter = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                int value = Integer.parseInt(text.trim());
                if (value < min || value > max) {
                    throw new NumberFormatException(text + " is outside " + min + ".." + max);
                }
                return value;
            }
        }, property.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(boxed);
        return field;
    }

    public static NumberField forLong(LongProperty property) {
        ObjectProperty<Long> boxed = property.asObject();
        NumberField field = new NumberField(boxed);
        TextFormatter<Long> formatter = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(Long value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Long fromString(String text) {
                return Long.parseLong(text.trim());
            }
        }, property.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(boxed);
        return field;
    }
}
