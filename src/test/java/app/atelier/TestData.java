package app.atelier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.engine.BackboneKind;
import app.atelier.model.WeightsSearchPath;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shared weights and sample images for tests, which never copy them into the repo.
 * Looks at {@code ATELIER_MODELS} / {@code -Datelier.models} (a path-separator list), then
 * {@code ../shared/models} relative to the working directory; images are in the {@code images}
 * folder beside a models folder. Tests that need them are skipped with a message when absent.
 */
public final class TestData {

    private TestData() {
    }

    /** The first models folder that exists, if any. */
    public static Optional<Path> models() {
        return modelFolderCandidates().stream().filter(Files::isDirectory).findFirst();
    }

    /** The SqueezeNet 1.1 .npy folder; skips the test when it is missing. */
    public static Path squeezenet() {
        Optional<Path> found = modelFolderCandidates().stream()
                .flatMap(folder -> WeightsSearchPath.findIn(folder, BackboneKind.SQUEEZENET1_1).stream())
                .findFirst();
        assumeTrue(found.isPresent(), () -> "SqueezeNet weights not found (looked for squeezenet1_1/ in "
                + modelFolderCandidates() + "); set ATELIER_MODELS to the shared models folder");
        return found.get();
    }

    /** A sample image such as {@code dog.jpg}; skips the test when it is missing. */
    public static Path image(String name) {
        List<Path> candidates = new ArrayList<>();
        for (Path models : modelFolderCandidates()) {
            Path parent = models.toAbsolutePath().getParent();
            if (parent != null) {
                candidates.add(parent.resolve("images").resolve(name));
            }
        }
        candidates.add(Path.of("..", "shared", "images", name));
        Optional<Path> found = candidates.stream().filter(Files::isRegularFile).findFirst();
        assumeTrue(found.isPresent(), () -> "sample image " + name + " not found (looked at " + candidates
                + "); run with ATELIER_MODELS pointing at ../shared/models");
        return found.get();
    }

    private static List<Path> modelFolderCandidates() {
        List<Path> folders = new ArrayList<>();
        for (String setting : new String[] {System.getProperty(WeightsSearchPath.PROPERTY), System.getenv(WeightsSearchPath.ENV)}) {
            if (setting != null && !setting.isBlank()) {
                for (String part : setting.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                    if (!part.isBlank()) {
                        folders.add(Path.of(part.trim()));
                    }
                }
            }
        }
        folders.add(Path.of("..", "shared", "models"));
        return folders;
    }
}
