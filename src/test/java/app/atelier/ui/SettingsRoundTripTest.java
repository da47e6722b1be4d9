package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.TestData;
import app.atelier.cli.AtelierCommand;
import app.atelier.engine.JobState;
import app.atelier.image.ImageLoader;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import app.atelier.ui.images.LoadedImage;
import app.atelier.ui.images.StyleEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One settings format from the window to {@code render} and back, on real SqueezeNet renders at
 * 64 px: a picture the window saved renders again to the same pixels, and a picture render made,
 * dropped on the picture area or opened from the File menu, brings back every setting and the
 * pictures whose files exist. Pictures of Atelier 0.1 still open.
 */
@ExtendWith({ApplicationExtension.class, SharedSqueezeNetWeights.class})
class SettingsRoundTripTest {

    @RegisterExtension
    final StudioTestWindow ui = new StudioTestWindow();

    private static int render(String... options) {
        List<String> args = new ArrayList<>(List.of("render", "--weights", TestData.squeezenet().toString(), "--quiet"));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        int code = AtelierCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return code;
    }

    /** The settings without the unticked layers the window lists but a render does not. */
    private static RenderSettings inUse(RenderSettings settings) {
        return new RenderSettings(settings.backbone(), settings.device(), settings.contentLayers(),
                settings.styleLayers().stream().filter(RenderSettings.LayerSetting::enabled).toList(),
                settings.alpha(), settings.beta(), settings.tvWeight(), settings.learningRate(), settings.size(),
                settings.init(), settings.iterations(), settings.seed(), settings.quality(), settings.costMode());
    }

    @Test
    void aPictureSavedByTheWindowRendersAgainToTheSamePixels(FxRobot robot, @TempDir Path folder) throws Exception {
        ui.loadDogAndScream(robot, 64, 5);
        robot.interact(() -> {
            ui.studio.settings().seedProperty().set(21);
            ui.studio.settings().tvWeightProperty().set(0.002);
            ui.studio.settings().initProperty().set(app.atelier.engine.InitMode.NOISE);
            ui.studio.styles().entries().get(0).weightProperty().set(1.5);
            ui.studio.render().start();
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> ui.studio.render().stateProperty().get() == JobState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        Path saved = ui.studio.files().saveImage(folder.resolve("window.png")).get(30, TimeUnit.SECONDS);

        Path again = folder.resolve("again.png");
        render("--settings", saved.toString(), "--out", again.toString());

        assertThat(ImageLoader.load(again).argb()).as("same settings, seed and machine: same pixels")
                .isEqualTo(ImageLoader.load(saved).argb());
        SettingsDocument window = SettingsCodec.read(saved);
        assertThat(SettingsCodec.read(again).settings()).isEqualTo(window.settings());
        assertThat(window.pictures().styles()).singleElement()
                .satisfies(style -> assertThat(style.weight()).isEqualTo(1.5));
    }

    @Test
    void aPictureMadeByRenderDroppedOnThePictureAreaRestoresEverySettingAndItsPictures(FxRobot robot, @TempDir Path folder)
            throws Exception {
        Path mask = folder.resolve("mask.png");
        int[] white = new int[8 * 8];
        Arrays.fill(white, 0xFFFFFFFF);
        PngWriter.write(new RgbImage(8, 8, white), mask, Map.of());
        Path made = folder.resolve("made.png");
        render("--content", TestData.image("dog.jpg").toString(), "--style", TestData.image("scream.jpg").toString(),
                "--style", TestData.image("wave.jpg").toString(), "--style-weights", "2,1", "--out", made.toString(),
                "--size", "64", "--iterations", "2", "--seed", "5", "--alpha", "2", "--beta", "20000", "--tv", "0.002",
                "--lr", "0.03", "--content-layer", "fire2", "--style-layers", "conv0:1,fire2:0.5", "--init", "noise",
                "--optimizer", "lbfgs", "--lbfgs-history", "5", "--scales", "2", "--ema", "0.5", "--original-colors",
                "--style-scale", "0.75", "--pool", "avg", "--mask", mask.toString(), "--device", "cpu");
        RenderSettings expected = SettingsCodec.read(made).settings();

        Region pictureArea = robot.lookup("#result-pane").queryAs(Region.class);
        boolean[] accepted = new boolean[1];
        robot.interact(() -> {
            ClipboardContent files = new ClipboardContent();
            files.putFiles(List.of(made.toFile()));
            accepted[0] = MemoryDragboards.dragAndDrop(pictureArea, MemoryDragboards.holding(files));
        });
        assertThat(accepted[0]).as("the picture area takes a saved render").isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ui.studio.content().image() != null
                && ui.studio.styles().entries().size() == 2 && ui.studio.settings().quality().maskProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(inUse(ui.studio.settings().snapshot())).isEqualTo(expected);
        assertThat(expected.quality().optimizer()).isEqualTo("LBFGS");
        assertThat(robot.lookup("#beta-field").queryAs(TextField.class).getText()).isEqualTo("20000");
        assertThat(robot.lookup("#seed").queryAs(TextField.class).getText()).isEqualTo("5");
        assertThat(robot.lookup("#content-layer").queryAs(ChoiceBox.class).getValue()).isEqualTo("fire2");
        assertThat(ui.studio.content().image().file()).contains(TestData.image("dog.jpg").toAbsolutePath().normalize());
        assertThat(ui.studio.styles().entries()).extracting(entry -> entry.image().name()).containsExactly("scream.jpg", "wave.jpg");
        assertThat(ui.studio.styles().entries()).extracting(StyleEntry::weight).containsExactly(2.0, 1.0);
        assertThat(ui.studio.settings().quality().maskProperty().get()).extracting(LoadedImage::name).isEqualTo("mask.png");
    }

    @Test
    void openRenderIsInTheFileMenu_andPicturesOfAtelier01Open(FxRobot robot) throws Exception {
        MenuItem openRender = robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems().stream()
                .filter(item -> "Open render…".equals(item.getText())).findFirst().orElseThrow();
        assertThat(openRender.getAccelerator()).isEqualTo(KeyCombination.keyCombination("Shortcut+R"));

        Path window = Path.of(getClass().getResource("/app/atelier/settings/legacy/window-v1.png").toURI());
        ui.studio.files().openRender(window).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ui.studio.settings().seedProperty().get()).isEqualTo(11);
        assertThat(ui.studio.settings().betaProperty().get()).isEqualTo(0.005);
        assertThat(ui.studio.messages().latestProperty().get().text())
                .as("its pictures were saved by name only").contains("not found", "dog.jpg", "scream.jpg");

        Path render = Path.of(getClass().getResource("/app/atelier/settings/legacy/render-v1.png").toURI());
        assumeTrue(Files.isRegularFile(Path.of("/work/shared/images/wave.jpg")), "render-v1.png names /work/shared/images");
        ui.studio.files().openRender(render).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ui.studio.styles().entries().size() == 2
                && ui.studio.content().image() != null);
        assertThat(ui.studio.settings().seedProperty().get()).isEqualTo(5);
        assertThat(ui.studio.settings().contentLayerProperty().get()).isEqualTo("fire2");
        assertThat(ui.studio.styles().entries()).extracting(StyleEntry::weight).containsExactly(2.0, 1.0);
    }
}
