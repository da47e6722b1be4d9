package app.atelier.tooling;

import static app.atelier.tooling.FxWaits.after;
import static app.atelier.tooling.FxWaits.waitUntil;

import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.history.HistoryStore;
import app.atelier.ui.images.ImageRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Sets up the window for the history strip's screenshot ({@code docs/screenshots/history-strip.png}):
 * one short render of the photo per painting, kept in HISTORY_FOLDER, then the oldest brought
 * back and the two newest ticked for Compare. Prints {@code READY} when the window is ready to be
 * shot, and exits after HOLD_SECONDS. Every step runs on the FX thread, never blocking it.
 * {@code HistoryShot HISTORY_FOLDER HOLD_SECONDS SIZE ITERATIONS CONTENT STYLE...}
 */
public final class HistoryShot {

    private HistoryShot() {
    }

    public static void main(String[] args) {
        if (args.length < 6) {
            System.err.println("Usage: HistoryShot HISTORY_FOLDER HOLD_SECONDS SIZE ITERATIONS CONTENT STYLE...");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        double hold = Double.parseDouble(args[1]);
        int size = Integer.parseInt(args[2]);
        int iterations = Integer.parseInt(args[3]);
        Path content = Path.of(args[4]);
        List<Path> styles = Arrays.stream(args, 5, args.length).map(Path::of).toList();
        ScriptedStudio.launch((stage, window, studio) -> {
            studio.renders().keepIn(new HistoryStore(folder));
            studio.settings().sizeProperty().set(size);
            studio.settings().iterationsProperty().set(iterations);
            studio.content().offer(List.of(new ImageRequest.FromFile(content)));
            waitUntil(() -> studio.content().image() != null, () -> renderEach(stage, window, studio, styles, 0, hold));
        });
    }

    private static void renderEach(Stage stage, StudioWindow window, StudioViewModel studio, List<Path> styles, int next,
                                   double hold) {
        if (next == styles.size()) {
            var entries = studio.renders().entries();
            studio.renders().select(entries.get(entries.size() - 1), false);
            studio.renders().restore(entries.get(entries.size() - 1));
            after(3, () -> {
                studio.renders().select(entries.get(0), false);
                studio.renders().select(entries.get(1), true);
                System.out.println("READY losses=" + studio.history().records().size() + " chart=" + window.lossChart().pointCount()
                        + " status=" + studio.render().phaseProperty().get());
                after(hold, Platform::exit);
            });
            return;
        }
        studio.styles().entries().clear();
        studio.styles().offer(List.of(new ImageRequest.FromFile(styles.get(next))));
        int kept = studio.renders().entries().size();
        waitUntil(() -> !studio.styles().entries().isEmpty(), () -> {
            studio.render().start();
            waitUntil(() -> studio.renders().entries().size() > kept,
                    () -> after(0.5, () -> renderEach(stage, window, studio, styles, next + 1, hold)));
        });
    }
}
