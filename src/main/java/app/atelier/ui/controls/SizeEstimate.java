package app.atelier.ui.controls;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.RenderCost;
import app.atelier.engine.RenderSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The line under the size field: what one iteration roughly costs at the size being typed, before
 * it is even taken, so that nobody starts a 4096 px render unaware that it takes minutes per
 * iteration and gigabytes; a warning when that is more memory than the computer has. A view
 * model: no nodes. Updated on the FX thread, as its inputs change.
 */
public final class SizeEstimate {

    /** Photos are mostly 4:3; the notice at Start uses the real picture. */
    private static final double SHORT_SIDE_PER_LONG_SIDE = 0.75;

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper tooBig = new ReadOnlyBooleanWrapper(this, "tooBig", false);
    private final ObservableValue<String> typedSize;
    private final ObservableValue<BackboneKind> backbone;
    private final OptionalLong memoryBytes;

    /**
     * @param typedSize   the size field's text as typed, before it is taken
     * @param memoryBytes the computer's memory, when known
     */
    public SizeEstimate(ObservableValue<String> typedSize, ObservableValue<BackboneKind> backbone,
                        OptionalLong memoryBytes) {
        this.typedSize = typedSize;
        this.backbone = backbone;
        this.memoryBytes = memoryBytes;
        typedSize.addListener((obs, old, now) -> update());
        backbone.addListener((obs, old, now) -> update());
        update();
    }

    /** What the line means in full, for its tooltip. */
    public static final String EXPLANATION = "Estimated for a 4:3 picture on a desktop CPU; a GPU is much faster."
            + " Start gives the figure for the picture loaded.";

    /** The estimate, or empty for sizes that need none and for text that is no allowed size. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Whether the typed size needs more memory than the computer has. */
    public ReadOnlyBooleanProperty tooBigProperty() {
        return tooBig.getReadOnlyProperty();
    }

    private void update() {
        int size = parse(typedSize.getValue());
        if (size <= RenderCost.NOTICE_ABOVE || size > RenderSize.MAX_LONG_SIDE || backbone.getValue() == null) {
            text.set("");
            tooBig.set(false);
            return;
        }
        RenderCost.Estimate estimate = RenderCost.perIteration(backbone.getValue(),
                (double) size * Math.round(size * SHORT_SIDE_PER_LONG_SIDE));
        String line = Character.toUpperCase(estimate.describe().charAt(0)) + estimate.describe().substring(1);
        boolean exceeds = memoryBytes.isPresent() && estimate.bytes() > memoryBytes.getAsLong();
        tooBig.set(exceeds);
        text.set(exceeds ? line + ": more than this computer's " + Math.round(memoryBytes.getAsLong() / 1e9)
                + " GB, it will not fit; choose a smaller size" : line);
    }

    private static int parse(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The computer's memory from /proc/meminfo (Linux); empty where that cannot be read. */
    public static OptionalLong physicalMemory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
