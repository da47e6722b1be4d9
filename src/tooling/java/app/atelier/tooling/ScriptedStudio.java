package app.atelier.tooling;

import app.atelier.AtelierApp;
import app.atelier.Launcher;
import app.atelier.engine.BackboneKind;
import app.atelier.ui.StudioViewModel;
import app.atelier.ui.StudioWindow;
import app.atelier.ui.images.ImageRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.scene.control.Slider;
import javafx.stage.Stage;

/**
 * The studio window run by a script instead of a person (the screenshot tour, the window
 * benchmark): the app's own window, started from the defaults, remembering nothing, and handed to
 * the script once it shows.
 */
public class ScriptedStudio extends AtelierApp {

    /** What a scripted run does with the window; runs on the FX thread and must never block it. */
    public interface Script {
        void run(Stage stage, StudioWindow window, StudioViewModel studio);
    }

    // Application.launch makes the instance itself, so the script waits here; a JVM launches once.
    private static volatile Script script;

    /** Prepares the process as the app's launcher does, opens the window and runs {@code toRun}; returns when the window closes. */
    public static void launch(Script toRun) {
        Launcher.prepareProcess();
        script = toRun;
        Application.launch(ScriptedStudio.class);
    }

    /** Returns unless {@code args} holds one value for each name; otherwise prints the usage line and exits with status 2. */
    public static void requireArguments(String[] args, String program, String... names) {
        if (args.length != names.length) {
            System.err.println("Usage: " + program + " " + String.join(" ", names));
            System.exit(2);
        }
    }

    /** The β slider a person would drag; null, after telling {@code fail} so, when the window has none. FX thread. */
    public static Slider betaSlider(StudioWindow window, Consumer<String> fail) {
        Slider slider = (Slider) window.lookup("#beta-slider");
        if (slider == null) {
            fail.accept("the window has no #beta-slider");
        }
        return slider;
    }

    /** Sets the backbone and size, opens the photo and the painting, and runs {@code then} half a second after both show. FX thread. */
    public static void open(StudioViewModel studio, BackboneKind backbone, int size, Path content, Path style, Runnable then) {
        studio.settings().backboneProperty().set(backbone);
        studio.settings().sizeProperty().set(size);
        studio.content().offer(List.of(new ImageRequest.FromFile(content)));
        studio.styles().offer(List.of(new ImageRequest.FromFile(style)));
        FxWaits.waitUntil(() -> studio.content().image() != null && !studio.styles().entries().isEmpty(),
                () -> FxWaits.after(0.5, then));
    }

    @Override
    protected boolean remembers() {
        return false;
    }

    @Override
    protected void shown(Stage stage, StudioWindow window, StudioViewModel studio) {
        script.run(stage, window, studio);
    }
}
