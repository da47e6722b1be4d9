package app.atelier.ui.actions;

import app.atelier.engine.Frame;
import app.atelier.engine.StyleTransferJob;
import app.atelier.settings.Pictures;
import app.atelier.settings.PrintSetting;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsDocument;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.images.ImageRequest;
import app.atelier.ui.images.LoadedImage;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The studio as a {@link SettingsDocument} and back: what it writes into presets, saved pictures and
 * its memory, and how it takes in a document from any of them (settings first, then, where the
 * files still exist, the photo, paintings and mask, loaded in the background). FX thread only.
 */
public final class StudioDocument {

    private final SettingsViewModel settings;
    private final ContentImageViewModel content;
    private final StyleImagesViewModel styles;
    private final MessageCenter messages;

    public StudioDocument(SettingsViewModel settings, ContentImageViewModel content, StyleImagesViewModel styles,
                          MessageCenter messages) {
        this.settings = settings;
        this.content = content;
        this.styles = styles;
        this.messages = messages;
    }

    /** The settings on screen and the pictures in the panes. */
    public SettingsDocument current() {
        return SettingsDocument.of(settings.snapshot(), pictures(), null);
    }

    /**
     * What {@code frame} was made with: its job's settings and the live parameters of its iteration
     * (the sliders may have moved since), the pictures in the panes, and the iteration it shows.
     */
    public SettingsDocument of(Frame frame, Optional<StyleTransferJob> job) {
        return of(frame, job, StudioDocument::picture);
    }

    /** As {@link #of(Frame, Optional)}, with each picture named by {@code picture} (the autosave points file-less ones at its copies). */
    public SettingsDocument of(Frame frame, Optional<StyleTransferJob> job, Function<LoadedImage, Pictures.Picture> picture) {
        RenderSettings made = job.map(j -> RenderSettings.of(j.spec(), frame.record().parameters()))
                .orElseGet(settings::snapshot);
        return SettingsDocument.of(made, pictures(picture), frame.iteration());
    }

    /** What a print was made with: its settings at print size, how it was tiled, and the pictures in the panes. */
    public SettingsDocument ofPrint(RenderSettings made, PrintSetting print) {
        return SettingsDocument.of(made, pictures(), null).withPrint(print);
    }

    private Pictures pictures() {
        return pictures(StudioDocument::picture);
    }

    private Pictures pictures(Function<LoadedImage, Pictures.Picture> picture) {
        Pictures.Picture photo = content.image() == null ? null : picture.apply(content.image());
        List<Pictures.StylePicture> paintings = styles.entries().stream()
                .map(entry -> picture.apply(entry.image()).withWeight(entry.weight())).toList();
        LoadedImage mask = settings.quality().maskProperty().get();
        return new Pictures(photo, paintings, mask == null ? null : picture.apply(mask));
    }

    private static Pictures.Picture picture(LoadedImage image) {
        return image.file().map(Pictures::picture).orElse(new Pictures.Picture(image.name(), null));
    }

    /**
     * Takes every setting of {@code document}, then replaces the pictures it names whose files still
     * exist; a list of paintings is replaced only when at least one of them is found.
     *
     * @param reportMissing whether to tell the user which pictures could not be found
     * @throws IllegalArgumentException when a setting cannot be used; nothing is changed then
     */
    public void restore(SettingsDocument document, boolean reportMissing) {
        restore(document, reportMissing, null);
    }

    /**
     * As {@link #restore(SettingsDocument, boolean)}; pictures whose files lie in {@code copies}
     * (the autosave's copies of file-less pictures, or null for none) come back file-less under
     * their own names, so the remembered studio never points at a copy that goes with the autosave.
     */
    public void restore(SettingsDocument document, boolean reportMissing, Path copies) {
        settings.apply(document.settings());
        Pictures pictures = document.pictures();
        if (pictures == null) {
            return;
        }
        if (pictures.content() != null) {
            pictures.content().existingFile().ifPresent(file -> content.offer(List.of(request(pictures.content().name(), file, copies))));
        }
        List<Pictures.StylePicture> found = pictures.styles().stream()
                .filter(style -> style.existingFile().isPresent()).toList();
        if (!found.isEmpty()) {
            List<ImageRequest> requests = found.stream().map(style -> request(style.name(), style.existingFile().get(), copies)).toList();
            ImageLoading.loadAll(requests, outcome -> {
                styles.entries().clear();
                // Pictures that fail to decode are left out of the outcome: match by what was asked, not by index.
                List<Integer> unused = new ArrayList<>(java.util.stream.IntStream.range(0, found.size()).boxed().toList());
                for (LoadedImage image : outcome.images()) {
                    unused.stream().filter(i -> made(requests.get(i), image)).findFirst().ifPresent(i -> {
                        unused.remove(i);
                        styles.add(image, found.get(i).weight());
                    });
                }
            });
        }
        settings.quality().maskProperty().set(null);
        if (pictures.mask() != null) {
            pictures.mask().existingFile().ifPresent(file -> ImageLoading.loadAll(List.of(request(pictures.mask().name(), file, copies)),
                    outcome -> outcome.images().stream().findFirst().ifPresent(settings.quality().maskProperty()::set)));
        }
        List<String> missing = pictures.missing();
        if (reportMissing && !missing.isEmpty()) {
            messages.post(UserMessage.warning("Settings restored; these pictures were not found, so the panes keep"
                    + " what they had: " + String.join(", ", missing)));
        }
    }

    private static ImageRequest request(String name, Path file, Path copies) {
        return copies != null && file.toAbsolutePath().startsWith(copies.toAbsolutePath())
                ? new ImageRequest.FromCopy(name, file) : new ImageRequest.FromFile(file);
    }

    private static boolean made(ImageRequest request, LoadedImage image) {
        return request instanceof ImageRequest.FromFile fromFile
                ? image.file().map(Path::toString).orElse("").equals(fromFile.file().toString())
                : image.file().isEmpty() && image.name().equals(request.name());
    }
}
