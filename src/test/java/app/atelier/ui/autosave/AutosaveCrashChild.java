package app.atelier.ui.autosave;

import app.atelier.image.ImageLoader;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.images.ImageRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import javafx.application.Platform;

/**
 * The process {@link AutosaveRestoreTest} kills: a studio (view models, no window) with the real
 * {@link Autosaver} runs a SqueezeNet job on the dog photo and a pasted (file-less) Scream and
 * prints one line per completed autosave, until it is killed.
 * Arguments: autosave folder, photo, painting.
 */
public final class AutosaveCrashChild {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path photo = Path.of(args[1]);
        var painting = ImageLoader.load(Path.of(args[2]));
        Platform.startup(() -> { });
        StudioViewModel studio = onFx(StudioViewModel::new);
        onFx(() -> {
            studio.content().offer(List.of(new ImageRequest.FromFile(photo)));
            studio.styles().offer(List.of(new ImageRequest.FromPixels("pasted scream", painting)));
            studio.settings().sizeProperty().set(64);
            studio.settings().iterationsProperty().set(100_000);
            studio.settings().alphaProperty().set(2.5);
            studio.settings().seedProperty().set(777);
            return null;
        });
        while (!onFx(() -> studio.content().image() != null && studio.styles().entries().size() == 1)) {
            Thread.sleep(50);
        }
        onFx(() -> {
            Autosaver autosaver = new Autosaver(studio, new AutosaveStore(folder), Duration.ofMillis(300));
            autosaver.onWritten(state -> System.out.println("autosaved " + state.iteration() + " " + state.losses().size()));
            studio.render().start();
            return null;
        });
        Thread.sleep(Long.MAX_VALUE);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
