package app.atelier.ui;

import app.atelier.engine.Frame;
import app.atelier.ui.actions.FileActions;
import app.atelier.ui.actions.StudioDocument;
import app.atelier.ui.chart.LossHistory;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.history.HistoryViewModel;
import app.atelier.ui.images.ClipboardImages;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.images.ImageRequest;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.job.PrintViewModel;
import app.atelier.ui.job.RenderViewModel;
import app.atelier.ui.memory.RememberedStudio;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.time.Duration;
import java.util.List;
import javafx.scene.input.Clipboard;

/** The whole studio's state: the parts' view models, wired together. FX thread only. */
public final class StudioViewModel {

    private final SettingsViewModel settings = new SettingsViewModel();
    private final ContentImageViewModel content = new ContentImageViewModel();
    private final StyleImagesViewModel styles = new StyleImagesViewModel();
    private final MessageCenter messages = new MessageCenter();
    private final LossHistory history = new LossHistory();
    private final RenderViewModel render = new RenderViewModel(settings, content, styles, messages, history);
    private final PrintViewModel print = new PrintViewModel(settings, content, styles, render, messages);
    private final StudioDocument document = new StudioDocument(settings, content, styles, messages);
    private final FileActions files = new FileActions(settings, document, render, history, messages);
    private final HistoryViewModel renders = new HistoryViewModel(render, document, files, history, messages);

    /** Takes a pasted picture: into the content pane while it is empty, else as another style. */
    public void paste(Clipboard clipboard) {
        List<ImageRequest> requests = ClipboardImages.requests(clipboard);
        if (content.image() == null) {
            content.offer(requests);
        } else {
            styles.offer(requests);
        }
    }

    /**
     * File › New: the studio as a first launch opens it (default settings, empty panes, no
     * picture). A running render is stopped and kept in the history first.
     */
    public void startAfresh() {
        renders.keepRunning();
        render.clear();
        history.clear();
        content.remove();
        styles.entries().clear();
        settings.reset();
        settings.quality().maskProperty().set(null);
    }

    /** Brings back the last settings and pictures; pictures that have gone are skipped quietly. */
    public void restore(RememberedStudio remembered) {
        try {
            document.restore(remembered.studio(), false);
        } catch (RuntimeException e) {
            messages.post(UserMessage.warning("The remembered settings could not be used (" + e.getMessage()
                    + "); the defaults apply."));
        }
    }

    /** Brings back a run the autosave kept: its settings and pictures, the picture it had reached and its loss history. */
    public void restore(app.atelier.ui.autosave.AutosaveState saved, java.nio.file.Path copies) {
        try {
            document.restore(saved.document(), false, copies);
        } catch (RuntimeException e) {
            messages.post(UserMessage.warning("The autosaved settings could not be used (" + e.getMessage()
                    + "); the defaults apply."));
        }
        history.clear();
        history.append(saved.losses());
        String total = saved.totalIterations() > 0 ? " of " + saved.totalIterations() : "";
        render.showRestored(new Frame(saved.shown(), saved.totalIterations(), saved.picture()),
                "Restored from the autosave: iteration " + saved.iteration() + total + " of the render that was running");
    }

    /** What to remember now; only pictures that came from files can be found again. */
    public RememberedStudio remember(RememberedStudio.WindowGeometry window) {
        return new RememberedStudio(document.current(), window);
    }

    /** Stops the run and ends the studio's background threads, each within a few seconds. When the window closes. */
    public void shutdown() {
        renders.keepRunning();
        render.shutdown();
        renders.shutdown();
        ImageLoading.shutdown(Duration.ofSeconds(5));
    }

    /** The studio as a settings document and back. */
    public StudioDocument document() {
        return document;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ContentImageViewModel content() {
        return content;
    }

    public StyleImagesViewModel styles() {
        return styles;
    }

    public MessageCenter messages() {
        return messages;
    }

    /** The renders kept in the history strip. */
    public HistoryViewModel renders() {
        return renders;
    }

    public LossHistory history() {
        return history;
    }

    public RenderViewModel render() {
        return render;
    }

    /** Render for print…: the print made from the current picture. */
    public PrintViewModel print() {
        return print;
    }

    public FileActions files() {
        return files;
    }
}
