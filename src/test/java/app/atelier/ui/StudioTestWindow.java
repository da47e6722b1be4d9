package app.atelier.ui;

import app.atelier.TestData;
import app.atelier.engine.StyleTransferJob;
import app.atelier.ui.images.ImageRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Puts a fresh studio into a TestFX stage, as the app does but without remembered state. Either
 * built in a {@code @Start} method, or registered with {@code @RegisterExtension} after
 * {@code ApplicationExtension}: then it opens the window in TestFX's stage before each test and
 * stops the job after it, once the test's own {@code @AfterEach} methods have run.
 */
final class StudioTestWindow implements BeforeEachCallback, AfterEachCallback {

    StudioViewModel studio;
    StudioWindow window;

    /** For {@code @RegisterExtension}; the window opens before each test. */
    StudioTestWindow() {
    }

    StudioTestWindow(Stage stage) {
        open(stage);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        // The FX thread and the stage a @Start method would get: ApplicationExtension registered it.
        FxToolkit.setupStage(this::open);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (studio != null) {
            stopJob(new FxRobot());
        }
    }

    private void open(Stage stage) {
        studio = new StudioViewModel();
        window = new StudioWindow(studio, () -> { });
        Scene scene = new Scene(window, 1400, 900);
        scene.getStylesheets().add(Objects.requireNonNull(StudioWindow.class.getResource(StudioWindow.STYLESHEET)).toExternalForm());
        app.atelier.ui.actions.Shortcuts.install(scene, studio.render());
        stage.setScene(scene);
        stage.show();
    }

    /** Loads the shared dog photo and Scream painting at the given size and waits until both are shown. */
    void loadDogAndScream(FxRobot robot, int size, int iterations) throws Exception {
        Path dog = TestData.image("dog.jpg");
        Path scream = TestData.image("scream.jpg");
        robot.interact(() -> {
            studio.content().offer(List.of(new ImageRequest.FromFile(dog)));
            studio.styles().offer(List.of(new ImageRequest.FromFile(scream)));
            studio.settings().sizeProperty().set(size);
            studio.settings().iterationsProperty().set(iterations);
            // These tests watch one size; the default coarse to fine would start smaller.
            studio.settings().quality().scalesProperty().set(1);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> studio.content().image() != null && studio.styles().entries().size() == 1);
    }

    /** Stops the running job, if any, and waits for its thread so the next test starts clean. */
    void stopJob(FxRobot robot) throws Exception {
        robot.interact(() -> studio.render().stop());
        StyleTransferJob job = studio.render().job().orElse(null);
        if (job != null) {
            job.awaitFinished(Duration.ofSeconds(30));
        }
    }
}
