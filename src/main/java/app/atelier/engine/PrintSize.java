package app.atelier.engine;

import java.util.Locale;

/**
 * A print's long side as the user thinks of it (pixels, or centimetres or inches at a DPI, or a
 * paper size) and the pixels it takes. Pure arithmetic, for the window's print dialog and its tests.
 */
public final class PrintSize {

    public static final double CM_PER_INCH = 2.54;
    /** A 6000 px A3 print at 300 dpi and some room; above this even the tiles' bookkeeping gets heavy. */
    public static final int MAX_LONG_SIDE = 12000;

    /** How a length is given. */
    public enum Unit {
        PX("px"), CM("cm"), IN("in");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** ISO paper sizes by their long side; CUSTOM leaves the size as typed. */
    public enum Paper {
        CUSTOM("Custom", 0), A5("A5", 21.0), A4("A4", 29.7), A3("A3", 42.0), A2("A2", 59.4);

        private final String label;
        private final double longSideCm;

        Paper(String label, double longSideCm) {
            this.label = label;
            this.longSideCm = longSideCm;
        }

        public double longSideCm() {
            return longSideCm;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private PrintSize() {
    }

    /** Pixels on the long side for {@code length} in {@code unit} at {@code dpi} (ignored for pixels), rounded. */
    public static int pixels(double length, Unit unit, int dpi) {
        if (!(length > 0) || dpi < 1) {
            throw new IllegalArgumentException("the length and the DPI must be positive, got " + length + " " + unit
                    + " at " + dpi + " dpi");
        }
        double inches = switch (unit) {
            case PX -> length / dpi;
            case CM -> length / CM_PER_INCH;
            case IN -> length;
        };
        return unit == Unit.PX ? (int) Math.round(length) : (int) Math.round(inches * dpi);
    }

    /** {@code pixels} expressed in {@code unit} at {@code dpi}: the inverse of {@link #pixels}. */
    public static double length(int pixels, Unit unit, int dpi) {
        return switch (unit) {
            case PX -> pixels;
            case CM -> pixels * CM_PER_INCH / dpi;
            case IN -> (double) pixels / dpi;
        };
    }

    /** Width and height of a picture of {@code width} x {@code height} scaled to {@code longSide}, as the render scales it. */
    public static int[] dimensions(int width, int height, int longSide) {
        double scale = (double) longSide / Math.max(width, height);
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        return width >= height ? new int[] {longSide, h} : new int[] {w, longSide};
    }

    /** "29.7 × 21.0 cm at 300 dpi" for a picture of the given pixels. */
    public static String physical(int width, int height, int dpi) {
        return String.format(Locale.ROOT, "%.1f × %.1f cm (%.1f × %.1f in) at %d dpi",
                length(width, Unit.CM, dpi), length(height, Unit.CM, dpi),
                length(width, Unit.IN, dpi), length(height, Unit.IN, dpi), dpi);
    }
}
