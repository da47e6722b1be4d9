package app.atelier.ui.controls;

import java.util.function.Function;
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
        return bound(property.asObject(), NumberFormat::format, text -> {
            double value = NumberFormat.parse(text);
            if (!(value >= min && value <= max)) {
                throw new NumberFormatException(text + " is outside " + min + ".." + max);
            }
            return value;
        });
    }

    public static NumberField forInteger(IntegerProperty property, int min, int max) {
        return bound(property.asObject(), Object::toString, text -> {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new NumberFormatException(text + " is outside " + min + ".." + max);
            }
            return value;
        });
    }

    public static NumberField forLong(LongProperty property) {
        return bound(property.asObject(), Object::toString, text -> Long.parseLong(text.trim()));
    }

    /** @param parse throws NumberFormatException for text that is no number or out of range */
    private static <T> NumberField bound(ObjectProperty<T> boxed, Function<T, String> format, Function<String, T> parse) {
        NumberField field = new NumberField(boxed);
        TextFormatter<T> formatter = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : format.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        }, boxed.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(boxed);
        return field;
    }
}
