package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import app.atelier.image.RgbImage;
import app.atelier.model.WeightsSearchPath;
import app.atelier.ui.images.ImageRequest;
import app.atelier.ui.memory.RememberedStudio;
import app.atelier.ui.memory.StudioMemory;
import app.atelier.ui.notify.UserMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Paste, browser drops, missing weights and the studio's memory. */
@ExtendWith(ApplicationExtension.class)
class StudioBehaviourTest {

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    @Test
    void pastingRawImageDataLoadsItAsTheContent(FxRobot robot) throws Exception {
        robot.interact(() -> {
            WritableImage pixels = new WritableImage(40, 30);
            for (int y = 0; y < 30; y++) {
                for (int x = 0; x < 40; x++) {
                    pixels.getPixelWriter().setArgb(x, y, 0xFF000000 | (x * 6) << 16 | (y * 8) << 8 | 0x40);
                }
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(pixels);
            ui.window.contentPane().dropZone().paste(MemoryDragboards.holding(content));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.studio.content().image() != null);
        RgbImage image = ui.studio.content().image().image();
        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(30);
        assertThat(image.red(10, 5)).isEqualTo(60);
        assertThat(image.green(10, 5)).isEqualTo(40);
        assertThat(ui.studio.content().image().name()).matches("pasted-\\d{8}-\\d{6}");
    }

    @Test
    void anImageDraggedFromABrowserAsAnAddressLoads(FxRobot robot) throws Exception {
        Path scream = TestData.image("scream.jpg");
        Region drop = robot.lookup("#style-drop").queryAs(Region.class);
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putUrl(scream.toUri().toString());
            MemoryDragboards.dragAndDrop(drop, MemoryDragboards.holding(content));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ui.studio.styles().entries().size() == 1);
        assertThat(ui.studio.styles().entries().get(0).image().name()).isEqualTo("scream.jpg");
    }

    @Test
    void startWithoutVgg19WeightsShowsTheWholeReasonAWayToModelsAndTheStatus(FxRobot robot, @TempDir Path emptyModels)
            throws Exception {
        String previous = System.getProperty(WeightsSearchPath.PROPERTY);
        System.setProperty(WeightsSearchPath.PROPERTY, emptyModels.toString());
        try {
            assumeTrue(WeightsSearchPath.standard().find(BackboneKind.VGG19).isEmpty(),
                    "VGG19 weights are installed in the user data folder; cannot test their absence here");
            assertThat(WeightsSearchPath.standard().find(BackboneKind.SQUEEZENET1_1))
                    .as("SqueezeNet is built in: never missing").isPresent();
            Path dog = TestData.image("dog.jpg");
            robot.interact(() -> {
                ui.studio.settings().backboneProperty().set(BackboneKind.VGG19);
                ui.studio.content().offer(List.of(new ImageRequest.FromFile(dog)));
                ui.studio.styles().offer(List.of(new ImageRequest.FromFile(dog)));
            });
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> ui.studio.content().image() != null && ui.studio.styles().entries().size() == 1);
            // Choosing VGG19 offers the Models window at once; this test declines to reach Start.
            WaitForAsyncUtils.waitForFxEvents();
            if (!robot.lookup("#models-offer").queryAll().isEmpty()) {
                robot.clickOn("Not now");
            }
            robot.clickOn("#start");
            WaitForAsyncUtils.waitForFxEvents();

            // The weights are looked up off the FX thread; the answer comes back to it.
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                UserMessage latest = ui.studio.messages().latestProperty().get();
                return latest != null && latest.level() == UserMessage.Level.ERROR;
            });
            WaitForAsyncUtils.waitForFxEvents();
            UserMessage message = ui.studio.messages().latestProperty().get();
            assertThat(message.level()).isEqualTo(UserMessage.Level.ERROR);
            assertThat(message.action()).isEqualTo(UserMessage.Action.OPEN_MODELS);
            assertThat(message.text()).contains("VGG19 weights were not found", emptyModels.toString(), "built-in",
                    "vgg19.safetensors", "ATELIER_MODELS", "Open Models…", "SqueezeNet 1.1, which is built in");
            assertThat(ui.studio.render().activeProperty().get()).isFalse();
            StatusBar status = robot.lookup("#status-bar").queryAs(StatusBar.class);
            assertThat(status.getText()).isEqualTo("Cannot start: VGG19 weights are not installed (File › Models…)");

            // The whole text is on screen: wrapped, not cut off with an ellipsis.
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#notification-text").tryQuery().isPresent());
            WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS); // the bar slides in
            Label banner = robot.lookup("#notification-text").queryAs(Label.class);
            Text shown = (Text) banner.lookup(".text");
            assertThat(banner.isWrapText()).isTrue();
            assertThat(shown.getText()).isEqualTo(message.text());
            assertThat(banner.getHeight()).as("several lines, all shown")
                    .isGreaterThan(2.5 * banner.getFont().getSize())
                    .isGreaterThanOrEqualTo(banner.prefHeight(banner.getWidth()) - 1);
            Bounds onScreen = banner.localToScene(banner.getLayoutBounds());
            assertThat(onScreen.getMaxX()).isLessThanOrEqualTo(banner.getScene().getWidth());
            Node bar = robot.lookup(".notification-bar").query();
            Bounds barBounds = bar.localToScene(bar.getLayoutBounds());
            assertThat(barBounds.getMinY() - 0.5).as("the bar grew to the wrapped text").isLessThanOrEqualTo(onScreen.getMinY());
            assertThat(barBounds.getMaxY() + 0.5).isGreaterThanOrEqualTo(onScreen.getMaxY());

            robot.clickOn("Open Models…");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#models-state-vgg19").tryQuery().isPresent());
            Label vgg = robot.lookup("#models-state-vgg19").queryAs(Label.class);
            robot.interact(() -> vgg.getScene().getWindow().hide());

            robot.interact(() -> ui.studio.settings().backboneProperty().set(BackboneKind.SQUEEZENET1_1));
            assertThat(status.getText()).isEqualTo("Ready");
        } finally {
            if (previous == null) {
                System.clearProperty(WeightsSearchPath.PROPERTY);
            } else {
                System.setProperty(WeightsSearchPath.PROPERTY, previous);
            }
        }
    }

    @Test
    void theStudioRemembersSettingsAndPictures(FxRobot robot, @TempDir Path config) throws Exception {
        Path dog = TestData.image("dog.jpg");
        Path scream = TestData.image("scream.jpg");
        robot.interact(() -> {
            ui.studio.content().offer(List.of(new ImageRequest.FromFile(dog)));
            ui.studio.styles().offer(List.of(new ImageRequest.FromFile(scream)));
            ui.studio.settings().betaProperty().set(77);
            ui.studio.settings().sizeProperty().set(320);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> ui.studio.content().image() != null && ui.studio.styles().entries().size() == 1);
        robot.interact(() -> ui.studio.styles().entries().get(0).weightProperty().set(2.5));

        StudioMemory memory = new StudioMemory(config.resolve("studio.json"));
        RememberedStudio[] saved = new RememberedStudio[1];
        robot.interact(() -> saved[0] = ui.studio.remember(new RememberedStudio.WindowGeometry(10, 20, 1200, 800, false)));
        memory.remember(saved[0]);

        RememberedStudio recalled = memory.recall().orElseThrow();
        assertThat(recalled).isEqualTo(saved[0]);
        StudioViewModel[] fresh = new StudioViewModel[1];
        robot.interact(() -> {
            fresh[0] = new StudioViewModel();
            fresh[0].restore(recalled);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> fresh[0].content().image() != null && fresh[0].styles().entries().size() == 1);
        assertThat(fresh[0].settings().betaProperty().get()).isEqualTo(77);
        assertThat(fresh[0].settings().sizeProperty().get()).isEqualTo(320);
        assertThat(fresh[0].content().image().name()).isEqualTo("dog.jpg");
        assertThat(fresh[0].styles().entries().get(0).weight()).isEqualTo(2.5);
        assertThat(recalled.window().width()).isEqualTo(1200);
    }
}
