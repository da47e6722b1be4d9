package app.atelier.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.StyleLayer;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one settings format: written and read back whole, and every earlier format still read. */
class SettingsCodecTest {

    @TempDir
    Path folder;

    private static Path legacy(String name) throws URISyntaxException {
        return Path.of(SettingsCodecTest.class.getResource("legacy/" + name).toURI());
    }

    private static SettingsDocument everythingChanged() {
        RenderSettings settings = new RenderSettings("vgg19", "CPU", List.of("conv3_2", "conv4_2"),
                List.of(new RenderSettings.LayerSetting("conv1_1", true, 0.25),
                        new RenderSettings.LayerSetting("conv2_1", false, 3)),
                3.5, 12500, 0.004, 0.035, 384, "BLEND", 321, 987654321L,
                new RenderSettings.QualitySetting("LBFGS", 9, 1e-4, 5e-8, 3, 40, 0.95, true, true, 0.5, "AVG"), "exact");
        Pictures pictures = new Pictures(new Pictures.Picture("dog.jpg", "/photos/dog.jpg"),
                List.of(new Pictures.StylePicture("scream.jpg", "/art/scream.jpg", 2),
                        new Pictures.StylePicture("pasted image", null, 0.5)),
                new Pictures.Picture("mask.png", "/masks/mask.png"));
        return SettingsDocument.of(settings, pictures, 17);
    }

    @Test
    void aDocumentComesBackWholeFromJsonFilesAndPngText() throws Exception {
        SettingsDocument written = everythingChanged();

        Path file = folder.resolve("settings.json");
        SettingsCodec.write(written, file);
        assertThat(SettingsCodec.read(file)).isEqualTo(written);

        Path png = folder.resolve("picture.png");
        PngWriter.write(new RgbImage(2, 1, new int[] {0xFF000000, 0xFFFFFFFF}), png, SettingsCodec.toPngText(written));
        assertThat(SettingsCodec.read(png)).isEqualTo(written);
        assertThat(app.atelier.image.PngMetadata.read(png)).containsOnlyKeys("Software", SettingsCodec.PNG_KEY)
                .containsEntry("Software", written.software());
        assertThat(written.software()).startsWith("Atelier ");
    }

    @Test
    void aPresetOfAtelier01StillOpens() throws Exception {
        RenderSettings read = SettingsCodec.read(legacy("preset-v1.json")).settings();

        assertThat(read.backboneKind()).isEqualTo(BackboneKind.VGG19);
        assertThat(read.contentLayers()).containsExactly("conv3_2");
        assertThat(read.styleLayers()).hasSize(BackboneKind.VGG19.taps().size())
                .contains(new RenderSettings.LayerSetting("conv1_2", true, 250));
        assertThat(read.alpha()).isEqualTo(3.5);
        assertThat(read.beta()).isEqualTo(12500);
        assertThat(read.tvWeight()).isEqualTo(0.004);
        assertThat(read.learningRate()).isEqualTo(0.035);
        assertThat(read.size()).isEqualTo(384);
        assertThat(read.init()).isEqualTo("BLEND");
        assertThat(read.iterations()).isEqualTo(321);
        assertThat(read.seed()).isEqualTo(987654321L);
        assertThat(read.quality()).isEqualTo(new RenderSettings.QualitySetting("LBFGS", 9, 1e-5, 1e-7, 3, 40, 0.95,
                true, false, 0.5, "AVG"));
        assertThat(read.costMode()).as("what its α and β meant").isEqualTo("exact");
    }

    @Test
    void aPictureSavedByTheWindowOfAtelier01StillOpens() throws Exception {
        SettingsDocument read = SettingsCodec.read(legacy("window-v1.png"));
        RenderSettings settings = read.settings();

        assertThat(settings.backboneKind()).isEqualTo(BackboneKind.SQUEEZENET1_1);
        assertThat(settings.device()).isEqualTo("AUTO");
        assertThat(settings.contentLayers()).containsExactly("fire1");
        assertThat(settings.enabledStyleLayers()).containsExactly(new StyleLayer("conv0", 20000),
                new StyleLayer("fire3", 12), new StyleLayer("fire4", 1));
        assertThat(settings.beta()).isEqualTo(0.005);
        assertThat(settings.tvWeight()).isEqualTo(0.001);
        assertThat(settings.learningRate()).isEqualTo(0.015);
        assertThat(settings.size()).as("the long side of 64x48").isEqualTo(64);
        assertThat(settings.init()).isEqualTo("CONTENT");
        assertThat(settings.iterations()).isEqualTo(4);
        assertThat(settings.seed()).isEqualTo(11);
        assertThat(settings.quality()).isEqualTo(RenderSettings.QualitySetting.defaults());
        assertThat(settings.costMode()).isEqualTo("exact");
        assertThat(read.iteration()).isEqualTo(4);
        assertThat(read.pictures().content()).isEqualTo(new Pictures.Picture("dog.jpg", null));
        assertThat(read.pictures().styles()).containsExactly(new Pictures.StylePicture("scream.jpg", null, 1.5));
    }

    @Test
    void aPictureMadeByRenderOfAtelier01StillOpens() throws Exception {
        SettingsDocument read = SettingsCodec.read(legacy("render-v1.png"));
        RenderSettings settings = read.settings();

        assertThat(settings.backboneKind()).isEqualTo(BackboneKind.SQUEEZENET1_1);
        assertThat(settings.contentLayers()).containsExactly("fire2");
        assertThat(settings.enabledStyleLayers()).containsExactly(new StyleLayer("conv0", 1),
                new StyleLayer("fire2", 0.5), new StyleLayer("fire4", 2));
        assertThat(settings.alpha()).isEqualTo(2);
        assertThat(settings.beta()).isEqualTo(20000);
        assertThat(settings.tvWeight()).isEqualTo(0.002);
        assertThat(settings.learningRate()).isEqualTo(0.03);
        assertThat(settings.size()).isEqualTo(64);
        assertThat(settings.init()).isEqualTo("CONTENT");
        assertThat(settings.iterations()).isEqualTo(4);
        assertThat(settings.seed()).isEqualTo(5);
        assertThat(settings.quality()).isEqualTo(new RenderSettings.QualitySetting("ADAM", 20, 1e-5, 1e-7, 2, 0, 0.5,
                false, true, 0.75, "MAX"));
        assertThat(settings.costMode()).isEqualTo("exact");
        assertThat(read.pictures().content()).isEqualTo(new Pictures.Picture("dog.jpg", "/work/shared/images/dog.jpg"));
        assertThat(read.pictures().styles()).containsExactly(
                new Pictures.StylePicture("scream.jpg", "/work/shared/images/scream.jpg", 2),
                new Pictures.StylePicture("wave.jpg", "/work/shared/images/wave.jpg", 1));
    }

    @Test
    void filesThatAreNotAtelierSettingsAreRefusedWithTheirName() throws Exception {
        Path other = Files.writeString(folder.resolve("other.json"), "{\"name\": \"something else\"}");
        assertThatThrownBy(() -> SettingsCodec.read(other)).isInstanceOf(SettingsFormatException.class)
                .hasMessageContaining("other.json").hasMessageContaining("not an Atelier settings file");

        Path plain = folder.resolve("plain.png");
        PngWriter.write(new RgbImage(1, 1, new int[] {0xFF000000}), plain, Map.of());
        assertThatThrownBy(() -> SettingsCodec.read(plain)).isInstanceOf(SettingsFormatException.class)
                .hasMessageContaining("plain.png holds no Atelier settings");

        Path newer = Files.writeString(folder.resolve("newer.json"),
                SettingsCodec.toJson(everythingChanged()).replace("\"version\": 2", "\"version\": 99"));
        assertThatThrownBy(() -> SettingsCodec.read(newer)).hasMessageContaining("newer Atelier");

        Path unknown = Files.writeString(folder.resolve("unknown.json"),
                SettingsCodec.toJson(everythingChanged()).replace("\"vgg19\"", "\"resnet\""));
        assertThatThrownBy(() -> SettingsCodec.read(unknown)).isInstanceOf(SettingsFormatException.class)
                .hasMessageContaining("unknown.json").hasMessageContaining("resnet");

        assertThatThrownBy(() -> SettingsCodec.read(folder.resolve("gone.png")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void bfloat16ComesBackAndFilesFromBeforeItReadAsFloat32() throws Exception {
        SettingsDocument base = everythingChanged();
        RenderSettings.QualitySetting q = base.settings().quality();
        RenderSettings.QualitySetting fast = new RenderSettings.QualitySetting(q.optimizer(), q.lbfgsHistory(),
                q.lbfgsGradientTolerance(), q.lbfgsCostTolerance(), q.scales(), q.iterationsPerScale(), q.emaDecay(),
                q.originalColors(), q.matchHistogram(), q.styleScale(), q.pooling(), true, true);
        RenderSettings s = base.settings();
        SettingsDocument written = SettingsDocument.of(new RenderSettings(s.backbone(), s.device(), s.contentLayers(),
                s.styleLayers(), s.alpha(), s.beta(), s.tvWeight(), s.learningRate(), s.size(), s.init(),
                s.iterations(), s.seed(), fast, s.costMode()), base.pictures(), base.iteration());

        Path file = folder.resolve("fast.json");
        SettingsCodec.write(written, file);
        assertThat(SettingsCodec.read(file)).isEqualTo(written);
        assertThat(SettingsCodec.read(file).settings().quality().bfloat16()).isTrue();

        String json = SettingsCodec.toJson(written);
        assertThat(json).contains("\"bfloat16\": true");
        String older = json.replace("\"bfloat16\": true", "\"unused\": 0");
        assertThat(older).doesNotContain("bfloat16");
        RenderSettings.QualitySetting read = SettingsCodec.fromJson(older, "older.json").settings().quality();
        assertThat(read.bfloat16()).isFalse();
        assertThat(read.paintingPalette()).isTrue();
    }
}
