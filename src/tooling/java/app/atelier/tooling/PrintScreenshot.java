package app.atelier.tooling;

import static app.atelier.tooling.FxWaits.after;
import static app.atelier.tooling.FxWaits.waitUntil;

import app.atelier.engine.JobState;
import app.atelier.engine.PrintSize;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.images.ImageRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * Puts "Render for print…" mid-run on screen for docs/screenshots/render-for-print.png: a render,
 * then an A4 print at 150 dpi filling in; once {@code TILES} tiles are done it writes
 * {@code READY_FILE} so a shell can grab the whole screen (the studio and the dialog) with
 * {@code import -window root}, and exits when that file is deleted.
 * {@code java -cp ... app.atelier.tooling.PrintScreenshot READY_FILE CONTENT STYLE [TILES]}.
 */
public final class PrintScreenshot {

    private PrintScreenshot() {
    }

    public static void main(String[] args) {
        Path ready = Path.of(args[0]);
        Path content = Path.of(args[1]);
        Path style = Path.of(args[2]);
        int tiles = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        ScriptedStudio.launch((Stage stage, StudioWindow window, StudioViewModel studio) -> {
            studio.content().offer(List.of(new ImageRequest.FromFile(content)));
            studio.styles().offer(List.of(new ImageRequest.FromFile(style)));
            studio.settings().sizeProperty().set(384);
            studio.settings().iterationsProperty().set(150);
            waitUntil(() -> studio.content().image() != null && !studio.styles().entries().isEmpty(), () -> {
                studio.render().start();
                waitUntil(() -> studio.render().stateProperty().get() == JobState.COMPLETED, () -> after(1, () -> {
                    ((Button) window.lookup("#render-for-print")).fire();
                    var size = studio.print().size();
                    size.paperProperty().set(PrintSize.Paper.A4);
                    size.dpiProperty().set(150);
                    size.tileIterationsProperty().set(20);
                    after(1, () -> {
                        studio.print().run();
                        waitUntil(() -> studio.print().progressTextProperty().get().startsWith("Tile " + tiles + " of"),
                                () -> after(1.5, () -> {
                                    try {
                                        Files.writeString(ready, "ready");
                                    } catch (IOException e) {
                                        throw new java.io.UncheckedIOException(e);
                                    }
                                    waitUntil(() -> !Files.exists(ready), () -> {
                                        studio.print().stop();
                                        Platform.exit();
                                    });
                                }));
                    });
                }));
            });
        });
    }
}
