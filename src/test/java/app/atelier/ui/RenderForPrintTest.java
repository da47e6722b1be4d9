package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Frame;
import app.atelier.engine.JobState;
import app.atelier.engine.PrintSize;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import app.atelier.settings.PrintSetting;
import app.atelier.settings.SettingsCodec;
import app.atelier.ui.job.PrintViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Render for print… driven through the real window with real SqueezeNet computation: a
 * 128 px render refined into a 256 or 384 px print in 128 px tiles, the progress reaching its end,
 * Save writing the DPI and the tile options, Stop keeping the finished tiles, and a print with no
 * render yet rendering its working size first. The studio's own picture is never replaced.
 * Skipped when the shared weights or images are absent.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class RenderForPrintTest {

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    @AfterEach
    void stopPrint(FxRobot robot) throws Exception {
        robot.interact(() -> ui.studio.print().stop());
        waitFor(60, () -> !ui.studio.print().activeProperty().get());
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PrintViewModel print() {
        return ui.studio.print();
    }

    private void renderWorkingSize(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 128, 15);
        robot.clickOn("#start");
        waitFor(120, () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
    }

    /** Types into the dialog's fields as a user would: the size in pixels, the tile and its steps. */
    private void setPrint(FxRobot robot, int pixels, int tile, int steps) {
        robot.interact(() -> robot.lookup("#print-unit").<ChoiceBox<PrintSize.Unit>>query().setValue(PrintSize.Unit.PX));
        type(robot, "#print-length", Integer.toString(pixels));
        type(robot, "#print-tile", Integer.toString(tile));
        type(robot, "#print-tile-iterations", Integer.toString(steps));
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.doubleClickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(text).push(KeyCode.ENTER);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void aPrintFillsInTileByTileAndSavesWithItsDpiAndTileOptions(FxRobot robot, @TempDir Path folder) throws Exception {
        renderWorkingSize(robot);
        Frame studioPicture = ui.studio.render().frameProperty().get();
        robot.clickOn("#render-for-print");
        setPrint(robot, 256, 128, 3);
        type(robot, "#print-dpi", "240");

        assertThat(text(robot, "#print-size-text")).startsWith("256 × ");
        assertThat(text(robot, "#print-estimate")).matches("About \\d+ s and \\d\\.\\d GB of memory: the studio's \\d+ × \\d+ px picture refined in \\d+ tiles × 3 steps.*");
        assertThat(text(robot, "#print-problem")).isEmpty();
        List<String> progressSeen = new ArrayList<>();
        robot.interact(() -> print().progressTextProperty().addListener((obs, old, now) -> progressSeen.add(now)));

        robot.clickOn("#print-run");
        waitFor(180, () -> print().stateProperty().get() == JobState.COMPLETED);

        assertThat(robot.lookup("#print-progress-bar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(progressSeen).anyMatch(line -> line.matches("Tile \\d+ of \\d+.*"));
        assertThat(text(robot, "#print-progress")).startsWith("Done: 256 × ");
        assertThat(print().previewProperty().get().longSide()).isEqualTo(256);
        assertThat(robot.lookup("#print-save").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(ui.studio.render().frameProperty().get()).as("the studio's own picture stays").isSameAs(studioPicture);

        PrintViewModel.Printed printed = print().printedProperty().get();
        Path png = ui.studio.files().savePrint(printed, folder.resolve("print.png"), 0.9f).get(60, TimeUnit.SECONDS);
        RgbImage saved = ImageLoader.load(png);
        assertThat(saved.longSide()).isEqualTo(256);
        assertThat(dotsPerInch(png)).isEqualTo(240);
        var document = SettingsCodec.read(png);
        assertThat(document.settings().size()).isEqualTo(256);
        assertThat(document.print()).isEqualTo(new PrintSetting(128, 128, 3, 1, 240));
        Path jpeg = ui.studio.files().savePrint(printed, folder.resolve("print.jpg"), 0.8f).get(60, TimeUnit.SECONDS);
        assertThat(dotsPerInch(jpeg)).isEqualTo(240);
        assertThat(ImageLoader.load(jpeg).longSide()).isEqualTo(256);
    }

    @Test
    void stopMidwayKeepsTheFinishedTiles(FxRobot robot, @TempDir Path folder) throws Exception {
        renderWorkingSize(robot);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitFor(10, () -> robot.lookup("#print-dialog").tryQuery().isPresent());
        setPrint(robot, 384, 128, 200);

        robot.clickOn("#print-run");
        waitFor(180, () -> print().progressTextProperty().get().startsWith("Tile 1 of"));
        robot.clickOn("#print-pause");
        waitFor(30, () -> print().stateProperty().get() == JobState.PAUSED);
        assertThat(robot.lookup("#print-pause").queryAs(Button.class).getText()).isEqualTo("Resume");
        robot.clickOn("#print-pause");
        waitFor(30, () -> print().stateProperty().get() == JobState.RUNNING);
        robot.clickOn("#print-stop");
        waitFor(120, () -> print().stateProperty().get() == JobState.STOPPED);

        assertThat(text(robot, "#print-progress")).contains("kept");
        RgbImage kept = print().printedProperty().get().image();
        assertThat(kept.longSide()).as("the whole print, finished tiles and the upscaled rest").isEqualTo(384);
        Path file = ui.studio.files().savePrint(print().printedProperty().get(), folder.resolve("stopped.png"), 0.9f)
                .get(60, TimeUnit.SECONDS);
        assertThat(Files.size(file)).isPositive();
        assertThat(dotsPerInch(file)).isEqualTo(300);
    }

    @Test
    void withoutARenderThePrintRendersItsWorkingSizeFirst(FxRobot robot) throws Exception {
        ui.loadDogAndScream(robot, 128, 10);
        robot.clickOn("#render-for-print");
        setPrint(robot, 256, 128, 2);
        assertThat(text(robot, "#print-estimate")).contains("a 128 px working render first (10 iterations), then ");
        List<String> progressSeen = new ArrayList<>();
        robot.interact(() -> print().progressTextProperty().addListener((obs, old, now) -> progressSeen.add(now)));

        robot.clickOn("#print-run");
        waitFor(180, () -> print().stateProperty().get() == JobState.COMPLETED);

        assertThat(progressSeen).anyMatch(line -> line.startsWith("Working render: iteration"));
        assertThat(print().printedProperty().get().image().longSide()).isEqualTo(256);
        assertThat(ui.studio.render().frameProperty().get()).as("the studio shows no picture of its own").isNull();
    }

    /** The DPI any reader sees: the standard metadata tree's millimetres per pixel. */
    private static int dotsPerInch(Path file) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_1.0");
                IIOMetadataNode size = (IIOMetadataNode) root.getElementsByTagName("HorizontalPixelSize").item(0);
                return (int) Math.round(25.4 / Double.parseDouble(size.getAttribute("value")));
            } finally {
                reader.dispose();
            }
        }
    }
}
