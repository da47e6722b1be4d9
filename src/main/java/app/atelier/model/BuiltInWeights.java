package app.atelier.model;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The SqueezeNet 1.1 weights Atelier carries in its own resources
 * ({@value #RESOURCE}: the 52 {@code .npy} files of the ONNX model zoo's copy of the MXNet Gluon
 * model, Apache-2.0, packed unchanged into one {@code .npz}; see NOTICE beside it). They end the
 * search path, so a fresh install renders with no download and no writable home; weights the user
 * installed, or {@code ATELIER_MODELS}, come first.
 *
 * <p>The weights are read straight from the jar through the JDK's zip file system (nothing is
 * extracted), so they are a {@link Path} like any other weights: in the jar a path of that file
 * system, in a development build a file under {@code target/classes}.
 */
public final class BuiltInWeights {

    public static final String RESOURCE = "/app/atelier/model/squeezenet1_1.npz";
    /** How lists and messages name the built-in copy instead of a path inside the jar. */
    public static final String LABEL = "built-in";

    private BuiltInWeights() {
    }

    /** Initialised on first use: opening the jar's file system once, for the life of the app. */
    private static final class Located {
        static final Optional<Path> SQUEEZENET = locate(BuiltInWeights.class.getResource(RESOURCE));
    }

    /** The built-in SqueezeNet 1.1 weights; empty only in a build that lacks the resource. */
    public static Optional<Path> squeezenet() {
        return Located.SQUEEZENET;
    }

    /** Whether {@code weights} are the built-in copy (which no command may delete). */
    public static boolean isBuiltIn(Path weights) {
        return weights != null && squeezenet().map(builtIn -> sameFile(builtIn, weights)).orElse(false);
    }

    /** {@link #LABEL} for the built-in copy, else the path. */
    public static String describe(Path weights) {
        return isBuiltIn(weights) ? LABEL + " (inside Atelier)" : weights.toString();
    }

    /** A resource URL as a path: a plain file ({@code file:}) or an entry of a jar ({@code jar:file:…!/…}). */
    static Optional<Path> locate(URL resource) {
        if (resource == null) {
            return Optional.empty();
        }
        try {
            URI uri = resource.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // Opened earlier (by us or by another part of the app): the path below uses it.
                }
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            // Not fatal: the search then reports SqueezeNet as missing, with the folders it tried.
            LoggerFactory.getLogger(BuiltInWeights.class).error("Cannot open {} for the built-in weights", resource, e);
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        if (a.getFileSystem() != b.getFileSystem()) {
            return false;
        }
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
