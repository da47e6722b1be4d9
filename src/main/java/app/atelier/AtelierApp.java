package app.atelier;

import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.WindowPlacement;
import app.atelier.ui.actions.Shortcuts;
import app.atelier.ui.autosave.AutosaveStore;
import app.atelier.ui.autosave.Autosaver;
import app.atelier.ui.autosave.RestorePrompt;
import app.atelier.ui.history.HistoryStore;
import app.atelier.ui.images.ImageLoading;
import app.atelier.ui.memory.RememberOnChange;
import app.atelier.ui.memory.RememberedStudio;
import app.atelier.ui.memory.StudioMemory;
import app.atelier.ui.images.ImageRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The studio window: builds it, restores what was remembered, and saves it again on close.
 * The measurement tooling (src/tooling: screenshot tour, window benchmark) subclasses it to run
 * a script in the same window; the app itself knows nothing of those scripts.
 */
public class AtelierApp extends Application {

    private StudioViewModel studio;
    private StudioWindow window;
    private StudioMemory memory;
    private RememberOnChange rememberOnChange;
    private Autosaver autosaver;

    @Override
    public void start(Stage stage) {
        studio = new StudioViewModel();
        memory = StudioMemory.standard();
        window = new StudioWindow(studio, () -> {
            remember(stage);
            Platform.exit();
        });
        Scene scene = new Scene(window);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(StudioWindow.STYLESHEET)).toExternalForm());
        Shortcuts.install(scene, studio.render());
        stage.setTitle("Atelier");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = AtelierApp.class.getResource("/app/atelier/icons/atelier-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        stage.setScene(scene);

        Optional<RememberedStudio> remembered = remembers() ? memory.recall() : Optional.empty();
        remembered.ifPresent(studio::restore);
        WindowPlacement.apply(stage, remembered.map(RememberedStudio::window));
        openFiles(getParameters().getRaw());
        window.guardClose(stage, () -> {
            remember(stage);
            stage.close();
        });
        stage.show();
        if (remembers()) {
            AutosaveStore.claimStandard().ifPresent(store -> watchAndOfferRestore(stage, store));
            HistoryStore.standard().ifPresent(studio.renders()::keepIn);
            // After show: before it the window's place is NaN, which JSON cannot hold.
            rememberOnChange = new RememberOnChange(memory, () -> studio.remember(geometry(stage)));
        }
        shown(stage, window, studio);
    }

    /** Offers the run a crash left behind (read off the FX thread), then autosaves the runs of this session. FX thread. */
    private void watchAndOfferRestore(Stage stage, AutosaveStore store) {
        if (store.exists()) {
            ImageLoading.runInBackground(() -> store.read().ifPresent(saved -> Platform.runLater(
                    () -> RestorePrompt.offer(stage, store, saved, kept -> studio.restore(kept, store.folder())))));
        }
        autosaver = new Autosaver(studio, store, Autosaver.EVERY);
    }

    /** Whether the window restores the remembered studio and saves it on close; a scripted run starts from the defaults and leaves it alone. */
    protected boolean remembers() {
        return true;
    }

    /** Runs on the FX thread once the window is shown; a scripted run starts here. */
    protected void shown(Stage stage, StudioWindow window, StudioViewModel studioViewModel) {
    }

    /** Files from the command line or "Open with": the first is the photo, any others are paintings. */
    private void openFiles(List<String> files) {
        if (files.isEmpty()) {
            return;
        }
        studio.content().offer(List.of(new ImageRequest.FromFile(Path.of(files.get(0)))));
        if (files.size() > 1) {
            studio.styles().offer(files.subList(1, files.size()).stream()
                    .<ImageRequest>map(file -> new ImageRequest.FromFile(Path.of(file))).toList());
        }
    }

    private void remember(Stage stage) {
        if (!remembers()) {
            return;
        }
        if (rememberOnChange != null) {
            rememberOnChange.close();
        }
        memory.remember(studio.remember(geometry(stage)));
        if (autosaver != null) {
            autosaver.closeCleanly();
        }
    }

    private static RememberedStudio.WindowGeometry geometry(Stage stage) {
        return new RememberedStudio.WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized());
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
