package app.atelier.ui.memory;

import app.atelier.settings.AtomicFile;
import app.atelier.settings.Pictures;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What was remembered, or empty on a first launch or when the file cannot be read (logged).
     * The file holds {@code {"studio": <settings document>, "window": {...}}}; a file of Atelier 0.1,
     * {@code {"settings": ..., "content": path, "styles": [{"file", "weight"}], "window": ...}}, reads too.
     */
    public Optional<RememberedStudio> recall() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            RememberedStudio.WindowGeometry window = GSON.fromJson(root.get("window"), RememberedStudio.WindowGeometry.class);
            SettingsDocument studio = root.has("studio")
                    ? SettingsCodec.fromJson(root.get("studio").toString(), file.getFileName().toString())
                    : fromVersion1(root);
            return Optional.of(new RememberedStudio(studio, window));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable studio memory {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private SettingsDocument fromVersion1(JsonObject root) throws IOException {
        JsonObject preset = new JsonObject();
        preset.addProperty("format", "atelier-preset");
        preset.addProperty("version", 1);
        preset.add("settings", root.get("settings"));
        SettingsDocument settings = SettingsCodec.fromJson(preset.toString(), file.getFileName().toString());
        Pictures.Picture content = root.has("content") && root.get("content").isJsonPrimitive()
                ? Pictures.picture(Path.of(root.get("content").getAsString())) : null;
        List<Pictures.StylePicture> styles = new ArrayList<>();
        if (root.has("styles") && root.get("styles").isJsonArray()) {
            for (JsonElement style : root.getAsJsonArray("styles")) {
                styles.add(Pictures.picture(Path.of(style.getAsJsonObject().get("file").getAsString()))
                        .withWeight(style.getAsJsonObject().get("weight").getAsDouble()));
            }
        }
        return SettingsDocument.of(settings.settings(), new Pictures(content, styles, null), null);
    }

    /** The file's text for {@code state}; equal states give equal text. */
    static String text(RememberedStudio state) {
        JsonObject root = new JsonObject();
        root.add("studio", JsonParser.parseString(SettingsCodec.toJson(state.studio())));
        root.add("window", GSON.toJsonTree(state.window()));
        return GSON.toJson(root);
    }

    /** Writes atomically and synced ({@link AtomicFile}), so a crash mid-write keeps the old memory. Any thread. */
    public void remember(RememberedStudio state) {
        write(text(state));
    }

    /** Writes text made by {@link #text}; any thread. */
    void write(String text) {
        try {
            AtomicFile.writeString(file, text);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write studio memory {}: {}", file, e.getMessage());
        }
    }
}
