package app.atelier.ui.job;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.Frame;
import app.atelier.engine.JobSpec;
import app.atelier.engine.JobState;
import app.atelier.engine.PrintJob;
import app.atelier.engine.PrintPass;
import app.atelier.engine.StyleTransferJob;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import app.atelier.settings.PrintSetting;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import app.atelier.ui.status.StatusView;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * "Render for print…": refines the window's current picture at a print size on the window's own
 * job worker (or renders the working size first when there is no picture), shows the print
 * filling in tile by tile, pauses, stops (keeping the finished tiles) and hands the print to Save.
 * The window's own render and its picture are left as they are. FX thread only.
 */
public final class PrintViewModel {

    /** How large the progress picture is at most; the print itself can be 6000 px and more. */
    static final int PREVIEW_SIDE = 900;

    /** A print ready to save: the picture, the settings at print size, how it was refined. */
    public record Printed(RgbImage image, JobSpec spec, PrintSetting setting) {
    }

    private final SettingsViewModel settings;
    private final ContentImageViewModel content;
    private final StyleImagesViewModel styles;
    private final RenderViewModel render;
    private final MessageCenter messages;
    private final PrintSizeViewModel size = new PrintSizeViewModel();

    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<RgbImage> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<PrintJob.Area> lastTile = new ReadOnlyObjectWrapper<>(this, "lastTile");
    private final ReadOnlyObjectWrapper<Printed> printed = new ReadOnlyObjectWrapper<>(this, "printed");
    private final DoubleProperty jpegQuality = new SimpleDoubleProperty(this, "jpegQuality", 0.92);

    private PrintJob job;
    private PrintBridge bridge;
    private PrintSetting madeWith;

    public PrintViewModel(SettingsViewModel settings, ContentImageViewModel content, StyleImagesViewModel styles,
                          RenderViewModel render, MessageCenter messages) {
        this.settings = settings;
        this.content = content;
        this.styles = styles;
        this.render = render;
        this.messages = messages;
        for (Observable source : new Observable[] {render.frameProperty(), content.imageProperty(), styles.entries(),
                settings.sizeProperty(), settings.iterationsProperty(), settings.backboneProperty()}) {
            source.addListener(obs -> size.setSource(source()));
        }
        size.setSource(source());
    }

    /** What the print would start from now: the picture on screen, or a working render still to make. */
    private PrintSizeViewModel.Source source() {
        Frame frame = render.frameProperty().get();
        if (frame != null) {
            BackboneKind backbone = render.job().map(j -> j.spec().backbone()).orElse(settings.backboneProperty().get());
            return new PrintSizeViewModel.Source(frame.image().width(), frame.image().height(), frame.image().longSide(),
                    0, backbone);
        }
        if (content.image() == null || styles.entries().isEmpty()) {
            return null;
        }
        RgbImage photo = content.image().image();
        return new PrintSizeViewModel.Source(photo.width(), photo.height(), settings.sizeProperty().get(),
                settings.quality().toRenderQuality().totalIterations(settings.iterationsProperty().get()),
                settings.backboneProperty().get());
    }

    /** Starts the print, or says why it cannot start. */
    public void run() {
        if (active.get()) {
            return;
        }
        if (!size.problemProperty().get().isEmpty()) {
            messages.post(UserMessage.warning(size.problemProperty().get()));
            return;
        }
        if (render.activeProperty().get()) {
            messages.post(UserMessage.warning("Stop the window's run or let it finish first: the print refines its picture."));
            return;
        }
        PrintPass.Settings pass = size.passSettings();
        int printSide = size.longSideProperty().get();
        Frame frame = render.frameProperty().get();
        Optional<StyleTransferJob> made = render.job();
        madeWith = new PrintSetting(frame != null ? frame.image().longSide() : settings.sizeProperty().get(),
                pass.tileSize(), pass.iterationsPerTile(), pass.sweeps(), size.dpiProperty().get());
        if (frame != null && made.isPresent()) {
            JobSpec spec = made.get().spec().withParameters(frame.record().parameters()).withLongSide(printSide);
            begin(listener -> PrintJob.start(render.worker(), spec, frame.image(), pass, PREVIEW_SIDE, listener));
            return;
        }
        JobInputs inputs;
        try {
            inputs = JobInputs.of(settings, content.image().image(), LiveEdits.styleSources(styles));
        } catch (IllegalArgumentException | NullPointerException e) {
            messages.post(UserMessage.error("Cannot print: " + e.getMessage()));
            return;
        }
        active.set(true);
        progressText.set("Finding the weights…");
        ImageLoading.runInBackground(() -> {
            JobInputs.Prepared prepared = inputs.prepare(WeightsSearchPath.standard());
            Platform.runLater(() -> {
                if (prepared instanceof JobInputs.Ready ready) {
                    JobSpec spec = ready.spec();
                    // A picture restored from the autosave has no job: it is refined with the settings on screen.
                    begin(frame != null
                            ? listener -> PrintJob.start(render.worker(), spec.withLongSide(printSide), frame.image(),
                            pass, PREVIEW_SIDE, listener)
                            : listener -> PrintJob.startWithWorkingRender(render.worker(), spec, printSide, pass,
                            PREVIEW_SIDE, listener));
                } else {
                    messages.post(UserMessage.error(prepared instanceof JobInputs.Refused refused ? refused.message()
                            : ((JobInputs.MissingWeights) prepared).message()));
                    active.set(false);
                    progressText.set("");
                }
            });
        });
    }

    private interface Starter {
        PrintJob start(PrintJob.Listener listener);
    }

    private void begin(Starter starter) {
        printed.set(null);
        progress.set(0);
        progressText.set("Waiting for the job worker…");
        bridge = new PrintBridge(this::show, this::showState);
        try {
            job = starter.start(bridge);
        } catch (RuntimeException e) {
            messages.post(UserMessage.error("Cannot print: " + e.getMessage()));
            bridge = null;
            active.set(false);
            return;
        }
        state.set(JobState.PREPARING);
        active.set(true);
    }

    public void togglePause() {
        if (job == null) {
            return;
        }
        if (state.get() == JobState.PAUSED) {
            job.resume();
        } else {
            job.pause();
        }
    }

    /** Ends the print after the current step; the finished tiles stay and can be saved. */
    public void stop() {
        if (job != null && active.get()) {
            job.stop();
        }
    }

    /** FX thread, at most one pending call per job (see {@link PrintBridge}). */
    private void show(PrintBridge from, PrintJob.Update update) {
        if (from != bridge) {
            return;
        }
        preview.set(update.preview());
        lastTile.set(update.lastTile());
        progress.set(update.total() == 0 ? 0 : (double) update.done() / update.total());
        String eta = Double.isFinite(update.secondsLeft())
                ? " · ETA " + StatusView.clock(Duration.ofMillis(Math.round(update.secondsLeft() * 1000))) : "";
        progressText.set(update.stage() == PrintJob.Stage.WORKING_RENDER
                ? String.format(Locale.ROOT, "Working render: iteration %d of %d", update.done(), update.total())
                : String.format(Locale.ROOT, "Tile %d of %d%s", update.done(), update.total(), eta));
    }

    private void showState(PrintBridge from, JobState next, Throwable failure) {
        if (from != bridge) {
            return;
        }
        state.set(next);
        if (!next.isFinished()) {
            return;
        }
        active.set(false);
        lastTile.set(null);
        RgbImage result = job.result();
        if (result != null) {
            printed.set(new Printed(result, job.printSpec(), madeWith));
        }
        String kept = result == null ? "" : " The tiles finished so far are kept: Save writes them.";
        switch (next) {
            case COMPLETED -> progressText.set("Done: " + result.width() + " × " + result.height() + " px");
            case STOPPED -> progressText.set("Stopped." + kept);
            default -> {
                String reason = failure == null || failure.getMessage() == null ? String.valueOf(failure) : failure.getMessage();
                progressText.set("Failed: " + reason);
                messages.post(UserMessage.error("The print stopped with an error: " + reason + "." + kept));
            }
        }
    }

    public PrintSizeViewModel size() {
        return size;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True from Run until the print has ended. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** 0..1 of the current stage. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "Tile 3 of 20 · ETA 1:20", "Working render: iteration 40 of 300", "Done: …". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The print as it fills in, scaled down to {@link #PREVIEW_SIDE} at most; null before the first report. */
    public ReadOnlyObjectProperty<RgbImage> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The tile refined last, to outline on the preview; null between tiles' runs and after the end. */
    public ReadOnlyObjectProperty<PrintJob.Area> lastTileProperty() {
        return lastTile.getReadOnlyProperty();
    }

    /** The print once the job has ended (whole, or as far as it got), else null. */
    public ReadOnlyObjectProperty<Printed> printedProperty() {
        return printed.getReadOnlyProperty();
    }

    /** 0.1..1, for JPEG files. */
    public DoubleProperty jpegQualityProperty() {
        return jpegQuality;
    }
}
