package app.atelier.ui.memory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's memory file, {@code studio.json} in the user's config folder
 * ({@code $XDG_CONFIG_HOME/atelier}, {@code ~/.config/atelier}; the system property
 * {@value #FOLDER_PROPERTY} overrides it, which tests and the screenshot script use).
 * A damaged or missing file means a fresh start, never an error.
 */
public final class StudioMemory {

    public static final String FOLDER_PROPERTY = "atelier.config";
    private static final Logger LOG = LoggerFactory.getLogger(StudioMemory.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private final Path file;

    public StudioMemory(Path file) {
        this.file = file;
    }

    public static StudioMemory standard() {
        return new StudioMemory(configFolder().resolve("studio.json"));
    }

    static Path configFolder() {
        String override = System.getProperty(FOLDER_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String home = System.getProperty("user.home", ".");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Atelier");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Atelier");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "atelier") : Path.of(home, ".config", "atelier");
    }

    public Path file() {
        return file;
    }

    /** What was remembered, or empty on a first launch or when the file cannot be read (logged). */
    public Optional<RememberedStudio> recall() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.ofNullable(GSON.fromJson(reader, RememberedStudio.class));
        } catch (IOException | JsonParseException e) {
            LOG.warn("Ignoring unreadable studio memory {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes atomically (temp file, then move), so a crash mid-write keeps the old memory. */
    public void remember(RememberedStudio state) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                GSON.toJson(state, writer);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write studio memory {}: {}", file, e.getMessage());
        }
    }
}
