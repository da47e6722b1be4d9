package app.atelier.settings;

import app.atelier.AtelierVersion;

/**
 * The one versioned settings format: what a preset file holds, what a PNG carries in its metadata,
 * what the studio remembers and what {@code render --settings} reads. Written and read only by
 * {@link SettingsCodec}, which also reads the formats that came before it.
 *
 * @param format    always {@value #FORMAT}, so a reader can tell the file is Atelier's
 * @param version   the schema version; a reader refuses versions newer than its own
 * @param software  the Atelier that wrote it, e.g. "Atelier 0.1.0"
 * @param settings  every setting of the render
 * @param pictures  the photo, paintings and mask, or null (a preset holds settings only)
 * @param iteration the iteration a saved picture shows, or null when the document is no picture's
 * @param print     how a print was refined from its working render (tiles, steps, sweeps, working
 *                  size, DPI), or null for a picture rendered whole (and in every file from before prints)
 */
public record SettingsDocument(String format, int version, String software, RenderSettings settings,
                               Pictures pictures, Integer iteration, PrintSetting print) {

    public static final String FORMAT = "atelier-settings";
    /** 1 was the preset file of Atelier 0.1 (format "atelier-preset"); 2 added the pictures and several content layers. */
    public static final int VERSION = 2;

    public SettingsDocument {
        if (settings == null) {
            throw new IllegalArgumentException("a settings document needs its settings");
        }
    }

    /** A document written by this Atelier. */
    public static SettingsDocument of(RenderSettings settings, Pictures pictures, Integer iteration) {
        return new SettingsDocument(FORMAT, VERSION, "Atelier " + AtelierVersion.current(), settings, pictures, iteration,
                null);
    }

    /** Settings alone, as a preset. */
    public static SettingsDocument preset(RenderSettings settings) {
        return of(settings, null, null);
    }

    /** The same document for a picture taken at {@code value}. */
    public SettingsDocument atIteration(int value) {
        return new SettingsDocument(format, version, software, settings, pictures, value, print);
    }

    /** The same document for a print refined as {@code value} says. */
    public SettingsDocument withPrint(PrintSetting value) {
        return new SettingsDocument(format, version, software, settings, pictures, iteration, value);
    }
}
