package app.atelier.ui.controls;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short, exact-looking numbers for weights that span many decades: 0.02, 1500, 1e-06. */
public final class NumberFormat {

    private NumberFormat() {
    }

    public static String format(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            // valueOf starts from the shortest decimal that reads back as value (a few digits), not
            // the exact binary fraction (up to ~50 digits): the loss chart formats its ticks at every layout.
            return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        String text = String.format(Locale.ROOT, "%.3e", value);
        String mantissa = text.substring(0, text.indexOf('e')).replaceAll("\\.?0+$", "");
        int exponent = Integer.parseInt(text.substring(text.indexOf('e') + 1));
        return mantissa + "e" + exponent;
    }

    /** Parses what a user typed ("1e4", "0,5" and " 20 " included); throws NumberFormatException when it is no number. */
    public static double parse(String text) {
        return Double.parseDouble(text.trim().replace(',', '.'));
    }

    /** {@code value} rounded to three significant digits, so a slider writes 1.25e3 rather than 1248.734. */
    public static double roundToThreeDigits(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }
}
