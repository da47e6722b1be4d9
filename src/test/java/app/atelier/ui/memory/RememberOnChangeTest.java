package app.atelier.ui.memory;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.ui.StudioViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings reach studio.json soon after they change, without a clean close, and nothing half-written is left. */
@ExtendWith(ApplicationExtension.class)
class RememberOnChangeTest {

    @TempDir
    Path folder;
    private StudioViewModel studio;
    private RememberOnChange keeper;

    @Start
    void start(Stage stage) {
        studio = new StudioViewModel();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> keeper.close());
    }

    @Test
    void aChangedSettingIsWrittenOnceTheEditingPauses(FxRobot robot) throws Exception {
        StudioMemory memory = new StudioMemory(folder.resolve("config").resolve("studio.json"));
        robot.interact(() -> keeper = new RememberOnChange(memory, () -> studio.remember(null)));
        // Nothing changed yet: nothing to write.
        Thread.sleep(1500);
        assertThat(memory.file()).doesNotExist();

        robot.interact(() -> {
            studio.settings().alphaProperty().set(3.25);
            studio.settings().seedProperty().set(4242);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> memory.recall()
                .map(r -> r.studio().settings().alpha() == 3.25 && r.studio().settings().seed() == 4242).orElse(false));

        robot.interact(() -> studio.settings().quality().scalesProperty().set(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> memory.recall()
                .map(r -> r.studio().settings().quality().scales() == 3).orElse(false));
        try (Stream<Path> files = Files.list(memory.file().getParent())) {
            assertThat(files).containsExactly(memory.file());
        }
    }
}
