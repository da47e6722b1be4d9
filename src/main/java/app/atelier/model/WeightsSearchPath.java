package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where Atelier looks for pretrained weights, in order: the folders listed in the environment
 * variable {@value #ENV} or the system property {@value #PROPERTY} (a {@link File#pathSeparator}
 * list; the property wins when both are set), then the user's data folder
 * ({@code $XDG_DATA_HOME/atelier/models} or {@code ~/.local/share/atelier/models} on Linux,
 * {@code %LOCALAPPDATA%\Atelier\models} on Windows, {@code ~/Library/Application Support/Atelier/models}
 * on macOS), and last the SqueezeNet 1.1 weights built into Atelier ({@link BuiltInWeights}), so
 * that weights the user installed or named always win over the built-in copy.
 *
 * <p>In a folder, SqueezeNet 1.1 is a sub-folder {@code squeezenet1_1/} of .npy files; VGG19 is
 * {@code vgg19.safetensors} or the first {@code .safetensors} file inside {@code vgg19/}.
 */
public final class WeightsSearchPath {

    public static final String ENV = "ATELIER_MODELS";
    public static final String PROPERTY = "atelier.models";

    /** A file every complete SqueezeNet folder has; its presence tells the folder apart from an empty one. */
    static final String SQUEEZENET_MARKER = "squeezenet0_conv0_weight.npy";

    private final List<Path> folders;
    private final boolean builtIn;

    /** Only {@code folders}, without the built-in weights (for "use only this folder" options and tests). */
    public WeightsSearchPath(List<Path> folders) {
        this(folders, false);
    }

    /** @param builtIn whether the built-in weights end the search */
    public WeightsSearchPath(List<Path> folders, boolean builtIn) {
        this.folders = List.copyOf(folders);
        this.builtIn = builtIn;
    }

    /** The search path from the environment, the system properties and the user data folder, then the built-in weights. */
    public static WeightsSearchPath standard() {
        return fromSettings(System.getenv(ENV), System.getProperty(PROPERTY),
                System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""));
    }

    /** {@link #standard()} with every input given, so that each platform's rules can be tested anywhere. */
    static WeightsSearchPath fromSettings(String envValue, String propertyValue, String osName,
                                          Map<String, String> environment, String userHome) {
        List<Path> folders = new ArrayList<>();
        String configured = propertyValue != null && !propertyValue.isBlank() ? propertyValue : envValue;
        if (configured != null) {
            for (String part : configured.split(Pattern.quote(File.pathSeparator))) {
                toPath(part.trim()).ifPresent(folders::add);
            }
        }
        userDataFolder(osName, environment, userHome).ifPresent(folder -> {
            if (!folders.contains(folder)) {
                folders.add(folder);
            }
        });
        return new WeightsSearchPath(folders, true);
    }

    /** The per-user models folder of this platform, where downloads go. */
    public static Optional<Path> userDataFolder() {
        return userDataFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", ""));
    }

    static Optional<Path> userDataFolder(String osName, Map<String, String> environment, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = environment.get("LOCALAPPDATA");
            if (localAppData != null && !localAppData.isBlank()) {
                return toPath(localAppData).map(p -> p.resolve("Atelier").resolve("models"));
            }
            return toPath(userHome).map(p -> p.resolve("AppData").resolve("Local").resolve("Atelier").resolve("models"));
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return toPath(userHome).map(p -> p.resolve("Library").resolve("Application Support")
                    .resolve("Atelier").resolve("models"));
        }
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return toPath(xdg).map(p -> p.resolve("atelier").resolve("models"));
        }
        return toPath(userHome).map(p -> p.resolve(".local").resolve("share").resolve("atelier").resolve("models"));
    }

    private static Optional<Path> toPath(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /** The folders searched, in order; for error messages and settings screens. */
    public List<Path> folders() {
        return folders;
    }

    /** Whether the built-in weights end the search. */
    public boolean includesBuiltIn() {
        return builtIn;
    }

    /** This search path with {@code folder} added before the built-in weights (if not there already). */
    public WeightsSearchPath withFolder(Path folder) {
        if (folders.contains(folder)) {
            return this;
        }
        List<Path> more = new ArrayList<>(folders);
        more.add(folder);
        return new WeightsSearchPath(more, builtIn);
    }

    /** The searched places as one line, for "weights not found; looked in …" messages. */
    public String describe() {
        String searched = folders.isEmpty() ? "(no folders: set " + ENV + ")"
                : folders.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        return builtIn ? searched + ", then " + BuiltInWeights.LABEL + " (SqueezeNet 1.1 only)" : searched;
    }

    /**
     * The first usable weights for {@code kind}: a .npy folder for SqueezeNet, a .safetensors file for
     * VGG19, else (SqueezeNet only, when included) the built-in .npz.
     */
    public Optional<Path> find(BackboneKind kind) {
        for (Path folder : folders) {
            Optional<Path> found = findIn(folder, kind);
            if (found.isPresent()) {
                return found;
            }
        }
        return builtIn && kind == BackboneKind.SQUEEZENET1_1 ? BuiltInWeights.squeezenet() : Optional.empty();
    }

    /** Whether {@code folder} itself (not a parent) holds weights of {@code kind} as {@link #find} expects them. */
    public static Optional<Path> findIn(Path folder, BackboneKind kind) {
        return switch (kind) {
            case SQUEEZENET1_1 -> {
                Path candidate = folder.resolve(kind.id());
                yield Files.isRegularFile(candidate.resolve(SQUEEZENET_MARKER)) ? Optional.of(candidate) : Optional.empty();
            }
            case VGG19 -> {
                Path file = folder.resolve(kind.id() + ".safetensors");
                if (Files.isRegularFile(file)) {
                    yield Optional.of(file);
                }
                yield firstSafetensors(folder.resolve(kind.id()));
            }
        };
    }

    private static Optional<Path> firstSafetensors(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".safetensors"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
