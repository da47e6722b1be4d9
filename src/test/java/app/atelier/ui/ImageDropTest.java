package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.ui.images.ImageDropZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dropping files on the image panes, through the panes' own drag-and-drop handlers. */
@ExtendWith(ApplicationExtension.class)
class ImageDropTest {

    private StudioTestWindow ui;

    @Start
    void start(Stage stage) {
        ui = new StudioTestWindow(stage);
    }

    private static ClipboardContent files(Path... paths) {
        ClipboardContent content = new ClipboardContent();
        content.putFiles(java.util.Arrays.stream(paths).map(Path::toFile).toList());
        return content;
    }

    @Test
    void droppingAPhotoOnTheContentPaneLoadsIt(FxRobot robot) throws Exception {
        Path dog = TestData.image("dog.jpg");
        Region drop = robot.lookup("#content-drop").queryAs(Region.class);

        boolean[] accepted = new boolean[1];
        robot.interact(() -> accepted[0] = MemoryDragboards.dragAndDrop(drop, MemoryDragboards.holding(files(dog))));
        assertThat(accepted[0]).as("the pane accepts a dragged photo").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.studio.content().image() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(ui.studio.content().image().name()).isEqualTo("dog.jpg");
        assertThat(ui.studio.content().image().image().width()).isEqualTo(768);
        assertThat(robot.lookup("#content-name").queryAs(Label.class).getText()).isEqualTo("dog.jpg");
        assertThat(robot.lookup("#content-size").queryAs(Label.class).getText()).isEqualTo("768 × 576 px");
        assertThat(robot.lookup("#content-message").queryAs(Label.class).isVisible()).isFalse();
        assertThat(drop.getStyleClass()).doesNotContain(ImageDropZone.HOVER);
    }

    @Test
    void droppingPaintingsOnTheStylePaneAddsEachWithAWeight(FxRobot robot) throws Exception {
        Path scream = TestData.image("scream.jpg");
        Path shipwreck = TestData.image("shipwreck.jpg");
        Region drop = robot.lookup("#style-drop").queryAs(Region.class);

        robot.interact(() -> MemoryDragboards.dragAndDrop(drop, MemoryDragboards.holding(files(scream, shipwreck))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.studio.styles().entries().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#style-name-0").queryAs(Label.class).getText()).isEqualTo("scream.jpg");
        assertThat(robot.lookup("#style-name-1").queryAs(Label.class).getText()).isEqualTo("shipwreck.jpg");
        assertThat(ui.studio.styles().entries()).allSatisfy(entry -> assertThat(entry.weight()).isEqualTo(1.0));

        robot.interact(() -> robot.lookup("#style-remove-0").queryButton().fire());
        assertThat(ui.studio.styles().entries()).hasSize(1);
        assertThat(robot.lookup("#style-name-0").queryAs(Label.class).getText()).isEqualTo("shipwreck.jpg");
    }

    @Test
    void hoveringHighlightsTheDropTarget(FxRobot robot) {
        Path dog = TestData.image("dog.jpg");
        Region drop = robot.lookup("#content-drop").queryAs(Region.class);
        robot.interact(() -> {
            Dragboard board = MemoryDragboards.holding(files(dog));
            javafx.event.Event.fireEvent(drop, MemoryDragboards.event(drop, DragEvent.DRAG_OVER, board));
        });
        assertThat(drop.getStyleClass()).contains(ImageDropZone.HOVER);
        robot.interact(() -> javafx.event.Event.fireEvent(drop,
                MemoryDragboards.event(drop, DragEvent.DRAG_EXITED, MemoryDragboards.holding(files(dog)))));
        assertThat(drop.getStyleClass()).doesNotContain(ImageDropZone.HOVER);
    }

    @Test
    void aTextFileIsRefusedWithAMessage(FxRobot robot, @TempDir Path folder) throws Exception {
        Path notes = Files.writeString(folder.resolve("notes.txt"), "not a picture\n");
        Region drop = robot.lookup("#content-drop").queryAs(Region.class);

        robot.interact(() -> {
            Dragboard board = MemoryDragboards.holding(files(notes));
            javafx.event.Event.fireEvent(drop, MemoryDragboards.event(drop, DragEvent.DRAG_OVER, board));
        });
        assertThat(drop.getStyleClass()).contains(ImageDropZone.REFUSED);

        robot.interact(() -> MemoryDragboards.dragAndDrop(drop, MemoryDragboards.holding(files(notes))));
        Label message = robot.lookup("#content-message").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !message.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).contains("notes.txt").containsIgnoringCase("not a JPEG or PNG");
        assertThat(ui.studio.content().image()).isNull();
    }

    @Test
    void anEmptyOfferSaysWhatWouldWork(FxRobot robot) {
        Region drop = robot.lookup("#style-drop").queryAs(Region.class);
        robot.interact(() -> {
            ClipboardContent text = new ClipboardContent();
            text.putString("just some words");
            javafx.event.Event.fireEvent(drop, MemoryDragboards.event(drop, DragEvent.DRAG_DROPPED, MemoryDragboards.holding(text)));
        });
        assertThat(robot.lookup("#style-message").queryAs(Label.class).getText()).contains("Nothing here is an image");
        assertThat(ui.studio.styles().entries()).isEmpty();
    }
}
