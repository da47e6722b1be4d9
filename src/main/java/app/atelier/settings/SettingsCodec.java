package app.atelier.settings;

import app.atelier.image.PngMetadata;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one writer and reader of {@link SettingsDocument}: as a JSON file (presets, {@code render
 * --settings}), as PNG text (every saved picture) and as JSON text inside other files (the studio's
 * memory). It reads every format Atelier has written: version 1 presets ("atelier-preset") and the
 * key-per-setting PNG text of Atelier 0.1 (see {@link LegacyPngText}). Documents come back checked
 * ({@link RenderSettings#validate()}), so a caller never sees an unknown name.
 */
public final class SettingsCodec {

    /** The PNG text keyword that holds the document as JSON. */
    public static final String PNG_KEY = "atelier.settings";
    static final String LEGACY_PRESET_FORMAT = "atelier-preset";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private SettingsCodec() {
    }

    public static String toJson(SettingsDocument document) {
        return GSON.toJson(document);
    }

    /** The PNG text entries: the standard Software keyword and the document as JSON. */
    public static Map<String, String> toPngText(SettingsDocument document) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("Software", document.software());
        text.put(PNG_KEY, toJson(document));
        return text;
    }

    /** Writes a preset or settings file (UTF-8 JSON). */
    public static void write(SettingsDocument document, Path file) throws IOException {
        Files.writeString(file, toJson(document), StandardCharsets.UTF_8);
    }

    /**
     * Reads a settings file or a picture's settings: a PNG (by its signature) or JSON.
     *
     * @throws SettingsFormatException with a message for the user naming the file
     */
    public static SettingsDocument read(Path file) throws IOException {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new SettingsFormatException("Cannot read " + file + ": the file does not exist");
        }
        if (isPng(file)) {
            return fromPngText(PngMetadata.read(file), name);
        }
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SettingsFormatException(name + " is neither a PNG nor a settings file (JSON)", e);
        }
        return fromJson(json, name);
    }

    /** @param source what to call the text in messages, e.g. the file name */
    public static SettingsDocument fromPngText(Map<String, String> text, String source) throws SettingsFormatException {
        String json = text.get(PNG_KEY);
        if (json != null) {
            return fromJson(json, source);
        }
        if (LegacyPngText.holdsSettings(text)) {
            SettingsDocument legacy;
            try {
                legacy = LegacyPngText.read(text);
            } catch (IllegalArgumentException e) {
                throw new SettingsFormatException(source + " has settings this Atelier cannot read: " + e.getMessage(), e);
            }
            return checked(legacy, source);
        }
        throw new SettingsFormatException(source + " holds no Atelier settings: only pictures saved by Atelier"
                + " (File › Save image…, or atelier render) carry them");
    }

    /** @param source what to call the text in messages, e.g. the file name */
    public static SettingsDocument fromJson(String json, String source) throws SettingsFormatException {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new SettingsFormatException(notAtelier(source));
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SettingsFormatException(source + " is not a valid settings file: " + e.getMessage(), e);
        }
        String format = root.has("format") && root.get("format").isJsonPrimitive() ? root.get("format").getAsString() : null;
        if (!SettingsDocument.FORMAT.equals(format) && !LEGACY_PRESET_FORMAT.equals(format)
                || !root.has("settings") || !root.get("settings").isJsonObject()) {
            throw new SettingsFormatException(notAtelier(source));
        }
        int version = root.has("version") ? root.get("version").getAsInt() : 1;
        if (version > SettingsDocument.VERSION) {
            throw new SettingsFormatException(source + " was written by a newer Atelier (settings version "
                    + version + "); update Atelier to open it");
        }
        if (version < 2) {
            upgradeFromVersion1(root);
        }
        try {
            return checked(GSON.fromJson(root, SettingsDocument.class), source);
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            throw new SettingsFormatException(source + " is not a valid settings file: " + e.getMessage(), e);
        }
    }

    /** Version 1 (the 0.1 preset): one content layer, no pictures. */
    private static void upgradeFromVersion1(JsonObject root) {
        JsonObject settings = root.getAsJsonObject("settings");
        JsonElement single = settings.remove("contentLayer");
        if (single != null && !settings.has("contentLayers")) {
            JsonArray layers = new JsonArray();
            layers.add(single);
            settings.add("contentLayers", layers);
        }
        root.addProperty("format", SettingsDocument.FORMAT);
        root.addProperty("version", SettingsDocument.VERSION);
    }

    private static SettingsDocument checked(SettingsDocument document, String source) throws SettingsFormatException {
        RenderSettings settings = document.settings();
        if (settings.backbone() == null || settings.device() == null || settings.init() == null
                || settings.quality().optimizer() == null || settings.quality().pooling() == null) {
            throw new SettingsFormatException(source + " is missing settings (backbone, device, start image,"
                    + " optimiser or pooling)");
        }
        try {
            settings.validate();
        } catch (IllegalArgumentException e) {
            throw new SettingsFormatException(source + " has settings this Atelier cannot use: " + e.getMessage(), e);
        }
        return document;
    }

    private static String notAtelier(String source) {
        return source + " is not an Atelier settings file (expected \"format\": \"" + SettingsDocument.FORMAT + "\")";
    }

    private static boolean isPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(PNG_SIGNATURE.length), PNG_SIGNATURE);
        }
    }
}
