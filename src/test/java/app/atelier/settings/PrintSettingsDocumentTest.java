package app.atelier.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A print's document records how it was tiled; documents without it (every older one) still read. */
class PrintSettingsDocumentTest {

    @Test
    void thePrintsTileOptionsSurviveTheRoundTrip() throws Exception {
        SettingsDocument document = SettingsDocument.of(RenderSettings.defaults(), null, null)
                .withPrint(new PrintSetting(512, 256, 12, 2, 240)).atIteration(300);
        SettingsDocument back = SettingsCodec.fromPngText(SettingsCodec.toPngText(document), "print.png");
        assertThat(back.print()).isEqualTo(new PrintSetting(512, 256, 12, 2, 240));
        assertThat(back.iteration()).isEqualTo(300);
        assertThat(back.settings()).isEqualTo(document.settings());
    }

    @Test
    void aDocumentWithoutPrintOptionsReadsAsARenderMadeWhole() throws Exception {
        String json = SettingsCodec.toJson(SettingsDocument.preset(RenderSettings.defaults()));
        assertThat(json).doesNotContain("\"print\"");
        SettingsDocument back = SettingsCodec.fromJson(json, "preset.json");
        assertThat(back.print()).isNull();
        assertThat(back.settings()).isEqualTo(RenderSettings.defaults());
    }
}
