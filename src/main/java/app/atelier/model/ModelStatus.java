package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A backbone's weights on this machine.
 *
 * @param location  the file or folder found; empty when missing
 * @param sizeBytes bytes on disk (0 when missing)
 * @param detail    one line for the user: what was checked, or what is wrong and how to fix it
 */
public record ModelStatus(BackboneKind kind, ModelState state, Optional<Path> location, long sizeBytes, String detail) {

    public boolean usable() {
        return state == ModelState.PRESENT;
    }

    /** Where the weights are, for people: the path, "built-in (inside Atelier)", or "-" when missing. */
    public String where() {
        return location.map(BuiltInWeights::describe).orElse("-");
    }
}
