package app.atelier.ui.actions;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.image.PngWriter;
import app.atelier.ui.chart.LossHistory;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.controls.StudioSettings;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.job.RenderViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import app.atelier.ui.presets.PresetFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the studio writes and reads: the picture (PNG with the settings in its metadata), snapshots,
 * the loss history as CSV, presets. Methods are called on the FX thread, take what they need from
 * the view models there, and do the file work on the background loader thread; each returns a
 * future that completes (on that thread) with the file written, and reports failures to the user.
 */
public final class FileActions {

    private static final Logger LOG = LoggerFactory.getLogger(FileActions.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final SettingsViewModel settings;
    private final ContentImageViewModel content;
    private final StyleImagesViewModel styles;
    private final RenderViewModel render;
    private final LossHistory history;
    private final MessageCenter messages;

    public FileActions(SettingsViewModel settings, ContentImageViewModel content, StyleImagesViewModel styles,
                       RenderViewModel render, LossHistory history, MessageCenter messages) {
        this.settings = settings;
        this.content = content;
        this.styles = styles;
        this.render = render;
        this.history = history;
        this.messages = messages;
    }

    /** Saves the current picture as PNG with the settings and the pictures used in its metadata. */
    public CompletableFuture<Path> saveImage(Path target) {
        Frame frame = render.frameProperty().get();
        if (frame == null) {
            messages.post(UserMessage.warning("There is no picture to save yet: press Start first."));
            return CompletableFuture.failedFuture(new IllegalStateException("no picture"));
        }
        Map<String, String> metadata = metadata(frame);
        return inBackground(() -> {
            PngWriter.write(frame.image(), target, metadata);
            return target;
        }, "Saved " + target.getFileName(), "Could not save " + target);
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

    public CompletableFuture<Path> savePreset(Path target) {
        StudioSettings snapshot = settings.snapshot();
        return inBackground(() -> {
            PresetFiles.write(snapshot, target);
            return target;
        }, "Preset saved to " + target.getFileName(), "Could not save the preset " + target);
    }

    /** Reads a preset in the background and applies it on the FX thread. */
    public CompletableFuture<StudioSettings> openPreset(Path file) {
        CompletableFuture<StudioSettings> result = new CompletableFuture<>();
        ImageLoading.runInBackground(() -> {
            try {
                StudioSettings read = PresetFiles.read(file);
                javafx.application.Platform.runLater(() -> {
                    try {
                        settings.apply(read);
                        messages.post(UserMessage.info("Preset " + file.getFileName() + " loaded"));
                        result.complete(read);
                    } catch (RuntimeException e) {
                        messages.post(UserMessage.error("Cannot use the preset " + file.getFileName() + ": " + e.getMessage()));
                        result.completeExceptionally(e);
                    }
                });
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not read preset {}", file, e);
                messages.post(UserMessage.error("Cannot open the preset: " + e.getMessage()));
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private Map<String, String> metadata(Frame frame) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("Software", "Atelier");
        if (content.image() != null) {
            metadata.put("atelier.content", content.image().name());
        }
        metadata.put("atelier.styles", styles.entries().stream()
                .map(entry -> entry.image().name() + ":" + entry.weight()).collect(Collectors.joining(",")));
        StudioSettings current = settings.snapshot();
        metadata.putAll(current.asMetadata());
        // What the picture was made with, not what the sliders show now: they may have moved since.
        metadata.put("atelier.alpha", Double.toString(frame.record().parameters().alpha()));
        metadata.put("atelier.beta", Double.toString(frame.record().parameters().beta()));
        metadata.put("atelier.tv", Double.toString(frame.record().parameters().tvWeight()));
        metadata.put("atelier.lr", Double.toString(frame.record().parameters().learningRate()));
        metadata.put("atelier.content-layer", String.join(",", frame.record().parameters().contentLayers()));
        metadata.put("atelier.style-layers", frame.record().parameters().styleLayers().stream()
                .map(layer -> layer.name() + ":" + layer.weight()).collect(Collectors.joining(",")));
        metadata.put("atelier.iteration", Integer.toString(frame.iteration()));
        render.job().ifPresent(job -> {
            metadata.put("atelier.iterations", Integer.toString(job.spec().iterations()));
            metadata.put("atelier.seed", Long.toString(job.spec().seed()));
            metadata.put("atelier.backbone", job.spec().backbone().id());
            metadata.put("atelier.init", job.spec().init().name());
        });
        metadata.put("atelier.size", frame.image().width() + "x" + frame.image().height());
        return metadata;
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
