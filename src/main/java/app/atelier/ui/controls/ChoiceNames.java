package app.atelier.ui.controls;

import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.util.StringConverter;

/** Choice boxes that show their values by names for people ("The photo", "L-BFGS"), not constants. */
final class ChoiceNames {

    private ChoiceNames() {
    }

    /** A full-width choice of {@code values}, bound both ways to {@code property}. */
    static <T> ChoiceBox<T> box(String id, T[] values, Property<T> property, Function<T, String> name) {
        ChoiceBox<T> box = new ChoiceBox<>(FXCollections.observableArrayList(values));
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.valueProperty().bindBidirectional(property);
        box.setConverter(of(name, values));
        return box;
    }

    static <T> StringConverter<T> of(Function<T, String> name, T[] values) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                for (T value : values) {
                    if (name.apply(value).equals(text)) {
                        return value;
                    }
                }
                return null;
            }
        };
    }
}
