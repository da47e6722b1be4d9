package app.atelier.ui.history;

import app.atelier.engine.IterationRecord;
import app.atelier.settings.Pictures;
import app.atelier.settings.SettingsDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One render kept in the history: its folder holds {@code picture.png} (the picture with its
 * settings document in the metadata, as File › Save image writes it), {@code thumbnail.png} and
 * {@code entry.json}.
 *
 * @param id              the folder's name; ids sort oldest first
 * @param created         when the render ended
 * @param document        the settings and pictures it was made with, and the iteration it reached
 * @param shown           the record of the iteration its picture shows
 * @param totalIterations the run's planned length
 * @param folder          where its files are
 * @param bytes           the disk space its files take
 */
public record HistoryEntry(String id, Instant created, SettingsDocument document, IterationRecord shown,
                           int totalIterations, Path folder, long bytes) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss").withZone(ZoneId.systemDefault());

    public Path picture() {
        return folder.resolve(HistoryStore.PICTURE);
    }

    public Path thumbnail() {
        return folder.resolve(HistoryStore.THUMBNAIL);
    }

    /** "dog.jpg × scream.jpg", or "render" when the pictures are unknown. */
    public String title() {
        Pictures pictures = document.pictures();
        if (pictures == null || pictures.content() == null) {
            return "render";
        }
        String styles = String.join(" + ", pictures.styles().stream().map(Pictures.StylePicture::name).toList());
        return styles.isEmpty() ? pictures.content().name() : pictures.content().name() + " × " + styles;
    }

    /** When, what, and how far: a tooltip's or a status bar's line. */
    public String summary() {
        return TIME.format(created) + " · " + title() + " · iteration " + shown.iteration() + " of " + totalIterations
                + " · " + document.settings().size() + " px";
    }
}
