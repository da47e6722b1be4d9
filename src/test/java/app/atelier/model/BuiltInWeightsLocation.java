package app.atelier.model;

import java.net.URL;
import java.nio.file.Path;

/** Opens {@link BuiltInWeights#locate} to tests of other packages (e.g. the engine reading from a jar). */
public final class BuiltInWeightsLocation {

    private BuiltInWeightsLocation() {
    }

    public static Path of(URL resource) {
        return BuiltInWeights.locate(resource).orElseThrow();
    }
}
