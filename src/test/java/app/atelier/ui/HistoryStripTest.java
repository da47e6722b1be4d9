package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.image.ImageLoader;
import app.atelier.ui.history.HistoryEntry;
import app.atelier.ui.history.HistoryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The history strip in the real window with real SqueezeNet runs (48-64 px, a few iterations):
 * each ended run appears in the strip and on disk, a new store on the same folder lists them, a
 * click brings back a run's settings and picture, two ticked compare side by side,
 * and View › History (Ctrl+H) hides and shows the strip.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class HistoryStripTest {

    @TempDir
    static Path folder;

    private StudioTestWindow ui;

    @Start
    void start(Stage stage) {
        ui = new StudioTestWindow(stage);
        ui.studio.renders().keepIn(new HistoryStore(folder));
    }

    @AfterEach
    void stopJob(FxRobot robot) throws Exception {
        ui.stopJob(robot);
    }

    /** Runs {@code iterations} at {@code size} px with content weight {@code alpha} and waits for its entry. */
    private void render(FxRobot robot, int size, double alpha, int entriesAfter) throws Exception {
        robot.interact(() -> {
            ui.studio.settings().sizeProperty().set(size);
            ui.studio.settings().alphaProperty().set(alpha);
            ui.studio.render().start();
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> ui.studio.renders().entries().size() == entriesAfter);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Node> thumbnails(FxRobot robot) {
        return List.copyOf(robot.lookup(".history-entry").queryAll());
    }

    @Test
    void endedRunsAreKeptBroughtBackAndCompared(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 64, 4);
        render(robot, 64, 3.0, 1);
        render(robot, 48, 0.5, 2);

        // Newest first, on screen and on disk; a new store on the folder (the next launch) lists both.
        assertThat(thumbnails(robot)).hasSize(2);
        List<HistoryEntry> onDisk = new HistoryStore(folder).list();
        assertThat(onDisk).extracting(entry -> entry.document().settings().size()).containsExactly(64, 48);
        assertThat(onDisk).allSatisfy(entry -> assertThat(entry.shown().iteration()).isEqualTo(4));
        assertThat(robot.lookup("#history-usage").queryLabeled().getText()).startsWith("2 renders · ");

        // The older run comes back: settings, pictures and its picture.
        HistoryEntry older = (HistoryEntry) thumbnails(robot).get(1).getUserData();
        assertThat(older.document().settings().size()).isEqualTo(64);
        robot.interact(() -> ui.studio.settings().iterationsProperty().set(999));
        robot.clickOn(thumbnails(robot).get(1));
        int[] picture = ImageLoader.load(older.picture()).argb();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ui.studio.render().frameProperty().get() != null
                && java.util.Arrays.equals(ui.studio.render().frameProperty().get().image().argb(), picture));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertThat(ui.studio.settings().sizeProperty().get()).isEqualTo(64);
            assertThat(ui.studio.settings().alphaProperty().get()).isEqualTo(3.0);
            assertThat(ui.studio.settings().iterationsProperty().get()).isEqualTo(4);
            assertThat(ui.studio.content().image().name()).isEqualTo("dog.jpg");
            assertThat(ui.studio.render().frameProperty().get().iteration()).isEqualTo(4);
            assertThat(ui.studio.render().phaseProperty().get()).startsWith("From the history: ");
            assertThat(ui.studio.renders().selected()).containsExactly(older);
            // The chart showed the last run's costs; the brought-back render has none of its own to show.
            assertThat(ui.studio.history().records()).isEmpty();
            assertThat(ui.window.lossChart().pointCount()).isZero();
            ui.window.lossChart().getData().forEach(series ->
                    assertThat(((javafx.scene.shape.Path) series.getNode()).getElements()).as("the line still drawn").isEmpty());
        });

        // Ticking the second chooses it too; Compare shows both pictures with their settings.
        Button compare = robot.lookup("#history-compare").queryButton();
        assertThat(compare.isDisabled()).isTrue();
        robot.clickOn(robot.from(thumbnails(robot).get(0)).lookup(".history-choose").queryAs(Node.class));
        assertThat(ui.studio.renders().selected()).hasSize(2);
        assertThat(compare.isDisabled()).isFalse();
        robot.clickOn(compare);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history-compare-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#history-compare-dialog").queryAs(DialogPane.class);
        assertThat(robot.from(dialog).lookup(".compare-picture").queryAllAs(ImageView.class)).hasSize(2);
        assertThat(robot.from(dialog).lookup(".compare-differs").queryAll()).isNotEmpty();
        robot.interact(() -> dialog.getScene().getWindow().hide());

        // View › History (Ctrl+H) hides the strip and shows it again.
        Node strip = robot.lookup("#history-strip").query();
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(strip.isVisible()).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.H);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(strip.isVisible()).isTrue();
    }

    @Test
    void loweringTheLimitBesideTheStripRemovesTheOldest(FxRobot robot, @TempDir Path other) throws Exception {
        HistoryStore store = new HistoryStore(other);
        // Three entries of about 0.4 MB of noise each: two fit in 1 MB.
        for (int i = 1; i <= 3; i++) {
            int[] argb = new java.util.Random(i).ints(350 * 350).map(v -> v | 0xFF000000).toArray();
            store.add(app.atelier.settings.SettingsDocument.preset(app.atelier.settings.RenderSettings.defaults()),
                    new app.atelier.engine.IterationRecord(i, new app.atelier.engine.LossBreakdown(1, 0.5, 0.5, java.util.Map.of(), 0),
                            app.atelier.engine.Defaults.parameters(app.atelier.engine.Defaults.BACKBONE), false, 1_000),
                    10, new app.atelier.image.RgbImage(350, 350, argb));
        }
        List<String> ids = store.list().stream().map(HistoryEntry::id).toList();
        robot.interact(() -> ui.studio.renders().keepIn(store));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> thumbnails(robot).size() == 3);

        javafx.scene.control.Spinner<?> limit = robot.lookup("#history-limit").queryAs(javafx.scene.control.Spinner.class);
        robot.doubleClickOn(limit.getEditor()).push(KeyCode.CONTROL, KeyCode.A).write("1").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> thumbnails(robot).size() == 2);

        assertThat(store.bytesUsed()).isLessThanOrEqualTo(1_000_000L);
        assertThat(new HistoryStore(other).list()).extracting(HistoryEntry::id).containsExactlyElementsOf(ids.subList(1, 3));
        assertThat(new HistoryStore(other).limitMegabytes()).isEqualTo(1);
        assertThat(robot.lookup("#history-usage").queryLabeled().getText()).startsWith("2 renders · ").endsWith(" of 1 MB");
    }
}
