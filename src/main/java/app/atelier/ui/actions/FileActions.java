package app.atelier.ui.actions;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.image.JpegWriter;
import app.atelier.image.PngWriter;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import app.atelier.ui.chart.LossHistory;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.job.PrintViewModel;
import app.atelier.ui.job.RenderViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the studio writes and reads: the picture (PNG with its settings document in the metadata),
 * snapshots, the loss history as CSV, presets, and the settings of saved pictures. Methods are called on the FX thread, take what they need from
 * the view models there, and do the file work on the background loader thread; each returns a
 * future that completes (on that thread) with the file written, and reports failures to the user.
 */
public final class FileActions {

    private static final Logger LOG = LoggerFactory.getLogger(FileActions.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SettingsViewModel settings;
    private final RenderViewModel render;
    private final LossHistory history;
    private final MessageCenter messages;
    private final StudioDocument document;
    /** The frame the last successful Save wrote; FX thread. */
    private Frame lastSaved;

    public FileActions(SettingsViewModel settings, StudioDocument document, RenderViewModel render,
                       LossHistory history, MessageCenter messages) {
        this.settings = settings;
        this.render = render;
        this.history = history;
        this.messages = messages;
        this.document = document;
    }

    /** Saves the current picture as PNG with the settings and the pictures used in its metadata. */
    public CompletableFuture<Path> saveImage(Path target) {
        Frame frame = render.frameProperty().get();
        if (frame == null) {
            messages.post(UserMessage.warning("There is no picture to save yet: press Start first."));
            return CompletableFuture.failedFuture(new IllegalStateException("no picture"));
        }
        Map<String, String> metadata = metadata(frame);
        CompletableFuture<Path> saved = inBackground(() -> {
            PngWriter.write(frame.image(), target, metadata);
            return target;
        }, "Saved " + target.getFileName(), "Could not save " + target);
        saved.thenRun(() -> Platform.runLater(() -> lastSaved = frame));
        return saved;
    }

    /**
     * Saves a print: JPEG at {@code jpegQuality} when {@code target} ends in .jpg or .jpeg (for very
     * large pictures), else PNG; either way with its settings document and its DPI, so print
     * dialogs pick the right size.
     */
    public CompletableFuture<Path> savePrint(PrintViewModel.Printed print, Path target, float jpegQuality) {
        Map<String, String> text = SettingsCodec.toPngText(document.ofPrint(
                RenderSettings.of(print.spec(), print.spec().parameters()), print.setting()));
        int dpi = print.setting().dpi();
        String name = target.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean jpeg = name.endsWith(".jpg") || name.endsWith(".jpeg");
        return inBackground(() -> {
            if (jpeg) {
                JpegWriter.write(print.image(), target, text, jpegQuality, dpi);
            } else {
                PngWriter.write(print.image(), target, text, dpi);
            }
            return target;
        }, "Saved the print to " + target.getFileName() + " (" + print.image().width() + " × " + print.image().height()
                + " px, " + dpi + " dpi)", "Could not save the print " + target);
    }

    /** FX thread: whether the picture on screen is still being made or has not been saved by {@link #saveImage}. */
    public boolean hasUnsavedRender() {
        Frame shown = render.frameProperty().get();
        return shown != null && (render.activeProperty().get() || shown != lastSaved);
    }

    /** Saves the current iteration next to the other snapshots, named by time and iteration. */
    public CompletableFuture<Path> saveSnapshot(Path folder) {
        Frame frame = render.frameProperty().get();
        if (frame == null) {
            messages.post(UserMessage.warning("There is no picture to snapshot yet: press Start first."));
            return CompletableFuture.failedFuture(new IllegalStateException("no picture"));
        }
        Path target = folder.resolve("atelier-" + LocalDateTime.now().format(STAMP) + "-it" + frame.iteration() + ".png");
        Map<String, String> metadata = metadata(frame);
        return inBackground(() -> {
            Files.createDirectories(folder);
            PngWriter.write(frame.image(), target, metadata);
            return target;
        }, "Snapshot saved to " + target, "Could not save the snapshot in " + folder);
    }

    /** Writes one CSV row per iteration: the costs and the parameters that iteration used. */
    public CompletableFuture<Path> exportCsv(Path target) {
        List<IterationRecord> records = new ArrayList<>(history.records());
        if (records.isEmpty()) {
            messages.post(UserMessage.warning("There is no loss history to export yet: press Start first."));
            return CompletableFuture.failedFuture(new IllegalStateException("no history"));
        }
        return inBackground(() -> {
            try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                out.write(LossCsv.HEADER);
                out.write('\n');
                for (IterationRecord record : records) {
                    out.write(LossCsv.row(record));
                    out.write('\n');
                }
            }
            return target;
        }, "Exported " + records.size() + " iterations to " + target.getFileName(), "Could not export " + target);
    }

    /** Saves the settings on screen (not the pictures) as a preset file. */
    public CompletableFuture<Path> savePreset(Path target) {
        SettingsDocument preset = SettingsDocument.preset(settings.snapshot());
        return inBackground(() -> {
            SettingsCodec.write(preset, target);
            return target;
        }, "Preset saved to " + target.getFileName(), "Could not save the preset " + target);
    }

    /** Reads a preset (or any settings file or saved picture: only its settings are used) and applies it. */
    public CompletableFuture<SettingsDocument> openPreset(Path file) {
        return open(file, false, "Preset " + file.getFileName() + " loaded");
    }

    /**
     * Reads the settings a picture was saved with (by the window or {@code render}), or a settings
     * file, and restores them together with the pictures whose files still exist.
     */
    public CompletableFuture<SettingsDocument> openRender(Path file) {
        return openRender(file, "Settings of " + file.getFileName() + " restored");
    }

    /** As {@link #openRender(Path)}, saying {@code done} when every picture was found. */
    public CompletableFuture<SettingsDocument> openRender(Path file, String done) {
        return open(file, true, done);
    }

    /** Reads in the background, restores on the FX thread; the future completes there. */
    private CompletableFuture<SettingsDocument> open(Path file, boolean withPictures, String done) {
        CompletableFuture<SettingsDocument> result = new CompletableFuture<>();
        ImageLoading.runInBackground(() -> {
            try {
                SettingsDocument read = SettingsCodec.read(file);
                SettingsDocument used = withPictures ? read : SettingsDocument.preset(read.settings());
                Platform.runLater(() -> {
                    try {
                        boolean complete = used.pictures() == null || used.pictures().missing().isEmpty();
                        document.restore(used, true);
                        if (complete) {
                            messages.post(UserMessage.info(done));
                        }
                        result.complete(used);
                    } catch (RuntimeException e) {
                        messages.post(UserMessage.error("Cannot use the settings of " + file.getFileName() + ": " + e.getMessage()));
                        result.completeExceptionally(e);
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not read settings from {}", file, e);
                messages.post(UserMessage.error("Cannot open " + file.getFileName() + ": " + e.getMessage()));
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private Map<String, String> metadata(Frame frame) {
        return SettingsCodec.toPngText(document.of(frame, render.job()));
    }

    private interface FileWork<T> {
        T run() throws IOException;
    }

    private <T> CompletableFuture<T> inBackground(FileWork<T> work, String done, String failed) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ImageLoading.runInBackground(() -> {
            try {
                T value = work.run();
                messages.post(UserMessage.info(done));
                result.complete(value);
            } catch (IOException | RuntimeException e) {
                LOG.warn(failed, e);
                messages.post(UserMessage.error(failed + ": " + e.getMessage()));
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Where snapshots go when the user has not saved anywhere yet. */
    public static Path defaultSnapshotFolder() {
        Path pictures = Path.of(System.getProperty("user.home", "."), "Pictures");
        return (Files.isDirectory(pictures) ? pictures : Path.of(System.getProperty("user.home", "."))).resolve("Atelier");
    }
}
