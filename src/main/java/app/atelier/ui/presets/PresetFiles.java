package app.atelier.ui.presets;

import app.atelier.ui.controls.StudioSettings;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes presets: every setting of the controls panel as a small JSON file. */
public final class PresetFiles {

    static final String FORMAT = "atelier-preset";
    static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** The file's shape; the format and version let a later Atelier read old presets. */
    record PresetFile(String format, int version, StudioSettings settings) {
    }

    private PresetFiles() {
    }

    public static void write(StudioSettings settings, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            GSON.toJson(new PresetFile(FORMAT, VERSION, settings), writer);
        }
    }

    /** @throws IOException with a message for the user when the file is unreadable or not a preset */
    public static StudioSettings read(Path file) throws IOException {
        PresetFile preset;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            preset = GSON.fromJson(reader, PresetFile.class);
        } catch (JsonParseException e) {
            throw new IOException(file.getFileName() + " is not a valid preset: " + e.getMessage(), e);
        }
        if (preset == null || !FORMAT.equals(preset.format()) || preset.settings() == null) {
            throw new IOException(file.getFileName() + " is not an Atelier preset (expected \"format\": \"" + FORMAT + "\")");
        }
        if (preset.version() > VERSION) {
            throw new IOException(file.getFileName() + " was written by a newer Atelier (preset version "
                    + preset.version() + "); update Atelier to open it");
        }
        StudioSettings settings = preset.settings();
        if (settings.backbone() == null || settings.device() == null || settings.contentLayer() == null
                || settings.init() == null || settings.styleLayers() == null) {
            throw new IOException(file.getFileName() + " is missing settings (backbone, device, layers or start image)");
        }
        return settings;
    }
}
