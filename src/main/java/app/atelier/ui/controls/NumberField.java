package app.atelier.ui.controls;

import java.util.function.Function;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.util.StringConverter;

/**
 * A text field bound both ways to a number property. What the user types is taken on Enter or
 * when the field loses focus. Text that is no number or is out of range springs back, and the
 * field says why: a red outline, and its tooltip (shown at once) names the value refused and the
 * allowed range, which the tooltip also shows at any other time.
 */
public final class NumberField extends TextField {

    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    /** Kept so the weakly held bidirectional binding lives as long as the field. */
    private final ObjectProperty<?> boxed;
    private final String allowed;
    private final Tooltip tooltip;
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper(this, "refusal", "");

    private NumberField(ObjectProperty<?> boxed, String allowed) {
        this.boxed = boxed;
        this.allowed = allowed;
        this.tooltip = new Tooltip("Allowed: " + allowed);
        setTooltip(tooltip);
        getStyleClass().add("number-field");
    }

    public static NumberField forDouble(DoubleProperty property, double min, double max) {
        String allowed = NumberFormat.format(min) + " to " + NumberFormat.format(max);
        return bound(property.asObject(), allowed, NumberFormat::format, text -> {
            double value;
            try {
                value = NumberFormat.parse(text);
            } catch (NumberFormatException e) {
                throw new NumberFormatException("\u201c" + text.strip() + "\u201d is not a number");
            }
            if (!(value >= min)) {
                throw new NumberFormatException(text.strip() + " is too small");
            }
            if (!(value <= max)) {
                throw new NumberFormatException(text.strip() + " is too large");
            }
            return value;
        });
    }

    public static NumberField forInteger(IntegerProperty property, int min, int max) {
        return bound(property.asObject(), min + " to " + max, Object::toString, text -> {
            long value = parseWhole(text);
            if (value < min) {
                throw new NumberFormatException(value + " is too small");
            }
            if (value > max) {
                throw new NumberFormatException(value + " is too large");
            }
            return (int) value;
        });
    }

    public static NumberField forLong(LongProperty property) {
        return bound(property.asObject(), "any whole number", Object::toString, NumberField::parseWhole);
    }

    private static long parseWhole(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new NumberFormatException("\u201c" + text.strip() + "\u201d is not a whole number");
        }
    }

    /** Why the last value typed was refused, or empty once a value was taken. FX thread. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    private void refuse(String reason, String kept) {
        String text = reason + " (allowed: " + allowed + "); " + kept + " is kept.";
        refusal.set(text);
        tooltip.setText(text);
        pseudoClassStateChanged(REFUSED, true);
        if (getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
            Bounds bounds = localToScreen(getBoundsInLocal());
            if (bounds != null) {
                tooltip.show(this, bounds.getMinX(), bounds.getMaxY() + 2);
                // Left of the field, over its own label, where there is room: above or below it
                // would cover the next row (the size's estimate, or a field the user clicks next,
                // the click landing on the tooltip instead).
                double left = bounds.getMinX() - tooltip.getWidth() - 4;
                if (left >= 0) {
                    tooltip.setAnchorX(left);
                    tooltip.setAnchorY(bounds.getMinY() + (bounds.getHeight() - tooltip.getHeight()) / 2);
                }
            }
        }
    }

    private void accept() {
        if (!refusal.get().isEmpty()) {
            refusal.set("");
            tooltip.setText("Allowed: " + allowed);
            tooltip.hide();
            pseudoClassStateChanged(REFUSED, false);
        }
    }

    /** @param parse throws NumberFormatException, with the reason for the user, for text it refuses */
    private static <T> NumberField bound(ObjectProperty<T> boxed, String allowed, Function<T, String> format,
                                         Function<String, T> parse) {
        NumberField field = new NumberField(boxed, allowed);
        TextFormatter<T> formatter = new TextFormatter<>(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : format.apply(value);
            }

            @Override
            public T fromString(String text) {
                try {
                    T value = parse.apply(text);
                    field.accept();
                    return value;
                } catch (NumberFormatException e) {
                    // The formatter puts the old text back; the user must still learn why.
                    field.refuse(e.getMessage(), boxed.get() == null ? "the last value" : format.apply(boxed.get()));
                    throw e;
                }
            }
        }, boxed.get());
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(boxed);
        return field;
    }
}
