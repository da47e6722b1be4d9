package app.atelier.ui.job;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.PrintEstimate;
import app.atelier.engine.PrintPass;
import app.atelier.engine.PrintSize;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The print dialog's size: a length in pixels, centimetres or inches at a DPI (or a paper size),
 * the tile options, and what follows from them: the pixels, the paper size, and the time and
 * memory the print will take ({@link PrintEstimate}). FX thread only.
 */
public final class PrintSizeViewModel {

    /** What the print starts from: the picture's proportions, the working render and the backbone. */
    record Source(int width, int height, int workingSide, int workingIterations, BackboneKind backbone) {
    }

    private final ObjectProperty<PrintSize.Unit> unit = new SimpleObjectProperty<>(this, "unit", PrintSize.Unit.CM);
    private final DoubleProperty length = new SimpleDoubleProperty(this, "length", PrintSize.Paper.A4.longSideCm());
    private final IntegerProperty dpi = new SimpleIntegerProperty(this, "dpi", 300);
    private final ObjectProperty<PrintSize.Paper> paper = new SimpleObjectProperty<>(this, "paper", PrintSize.Paper.A4);
    private final IntegerProperty tile = new SimpleIntegerProperty(this, "tile", PrintPass.Settings.DEFAULT.tileSize());
    private final IntegerProperty tileIterations = new SimpleIntegerProperty(this, "tileIterations",
            PrintPass.Settings.DEFAULT.iterationsPerTile());
    private final IntegerProperty sweeps = new SimpleIntegerProperty(this, "sweeps", 1);

    private final ReadOnlyIntegerWrapper longSide = new ReadOnlyIntegerWrapper(this, "longSide");
    private final ReadOnlyStringWrapper sizeText = new ReadOnlyStringWrapper(this, "sizeText", "");
    private final ReadOnlyStringWrapper estimateText = new ReadOnlyStringWrapper(this, "estimateText", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    private Source source;
    /** True while one setting is changed to follow another, so the change is not taken as the user's. */
    private boolean following;

    PrintSizeViewModel() {
        unit.addListener((obs, old, now) -> {
            if (!following && old != null && now != null && length.get() > 0) {
                follow(() -> length.set(rounded(PrintSize.length(PrintSize.pixels(length.get(), old, dpi.get()), now,
                        dpi.get()), now)));
            }
        });
        paper.addListener((obs, old, now) -> {
            if (!following && now != null && now != PrintSize.Paper.CUSTOM) {
                follow(() -> {
                    unit.set(PrintSize.Unit.CM);
                    length.set(now.longSideCm());
                });
            }
        });
        length.addListener((obs, old, now) -> {
            if (!following && paper.get() != PrintSize.Paper.CUSTOM) {
                follow(() -> paper.set(PrintSize.Paper.CUSTOM));
            }
        });
        for (Observable input : new Observable[] {unit, length, dpi, paper, tile, tileIterations, sweeps}) {
            input.addListener(obs -> refresh());
        }
        refresh();
    }

    private void follow(Runnable change) {
        following = true;
        try {
            change.run();
        } finally {
            following = false;
        }
        refresh();
    }

    private static double rounded(double value, PrintSize.Unit unit) {
        double step = switch (unit) {
            case PX -> 1;
            case CM -> 0.1;
            case IN -> 0.01;
        };
        return Math.round(value / step) * step;
    }

    /** Called when the picture the print would start from changes; null when there is none to start from. */
    void setSource(Source value) {
        source = value;
        refresh();
    }

    private void refresh() {
        if (following) {
            return;
        }
        if (!(length.get() > 0) || dpi.get() < 1) {
            show(0, "", "", "Give a size and a DPI above 0.");
            return;
        }
        int pixels = PrintSize.pixels(length.get(), unit.get(), dpi.get());
        if (source == null) {
            show(pixels, pixels + " px on the long side", "", "Add a content photo and a style painting first.");
            return;
        }
        int[] size = PrintSize.dimensions(source.width(), source.height(), Math.max(1, pixels));
        String dimensions = String.format(Locale.ROOT, "%d × %d px · %s", size[0], size[1],
                PrintSize.physical(size[0], size[1], dpi.get()));
        PrintPass.Settings settings;
        try {
            settings = passSettings();
        } catch (IllegalArgumentException e) {
            show(pixels, dimensions, "", "Tiles: " + e.getMessage() + ".");
            return;
        }
        if (pixels > PrintSize.MAX_LONG_SIDE) {
            show(pixels, dimensions, "", "A print can be at most " + PrintSize.MAX_LONG_SIDE + " px on the long side.");
            return;
        }
        if (pixels <= source.workingSide()) {
            show(pixels, dimensions, "", "The print must be larger than the render it refines ("
                    + source.workingSide() + " px); choose a larger size or a lower DPI.");
            return;
        }
        PrintEstimate estimate = PrintEstimate.of(source.backbone(), size[0], size[1], settings, source.workingSide(),
                source.workingIterations());
        String from = source.workingIterations() > 0
                ? String.format(Locale.ROOT, "a %d px working render first (%d iterations), then ", source.workingSide(),
                source.workingIterations())
                : String.format(Locale.ROOT, "the studio's %d × %d px picture refined in ", source.width(), source.height());
        show(pixels, dimensions, String.format(Locale.ROOT, "About %s and %.1f GB of memory: %s%d tiles × %d steps"
                        + " (at the rates measured on an idle 2-core CPU; a busy machine takes longer)",
                duration(estimate.seconds()), estimate.peakBytes() / 1e9, from, estimate.tiles(),
                settings.iterationsPerTile()), "");
    }

    private void show(int pixels, String size, String estimate, String why) {
        longSide.set(pixels);
        sizeText.set(size);
        estimateText.set(estimate);
        problem.set(why);
    }

    /** "40 s", "17 min", "2 h 05 min". */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        if (whole < 60) {
            return Math.max(1, whole) + " s";
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** @throws IllegalArgumentException when the tile options cannot work */
    PrintPass.Settings passSettings() {
        if (tile.get() < 128) {
            throw new IllegalArgumentException("tiles need at least 128 px");
        }
        return PrintPass.Settings.of(tile.get(), tileIterations.get(), sweeps.get());
    }

    public ObjectProperty<PrintSize.Unit> unitProperty() {
        return unit;
    }

    public DoubleProperty lengthProperty() {
        return length;
    }

    public IntegerProperty dpiProperty() {
        return dpi;
    }

    public ObjectProperty<PrintSize.Paper> paperProperty() {
        return paper;
    }

    public IntegerProperty tileProperty() {
        return tile;
    }

    public IntegerProperty tileIterationsProperty() {
        return tileIterations;
    }

    public IntegerProperty sweepsProperty() {
        return sweeps;
    }

    /** The print's long side in pixels. */
    public ReadOnlyIntegerProperty longSideProperty() {
        return longSide.getReadOnlyProperty();
    }

    /** "3508 × 2480 px · 29.7 × 21.0 cm (11.7 × 8.3 in) at 300 dpi". */
    public ReadOnlyStringProperty sizeTextProperty() {
        return sizeText.getReadOnlyProperty();
    }

    /** The time and memory the print will take, or empty while it cannot run. */
    public ReadOnlyStringProperty estimateTextProperty() {
        return estimateText.getReadOnlyProperty();
    }

    /** Why the print cannot run as set, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
