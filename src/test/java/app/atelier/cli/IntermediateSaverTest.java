package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Frame;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.LossBreakdown;
import app.atelier.image.RgbImage;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntermediateSaverTest {

    @TempDir
    Path folder;

    private static Frame frame(int iteration) {
        int[] pixels = new int[6];
        Arrays.fill(pixels, 0xFF000000 | iteration);
        LiveParameters parameters = new LiveParameters(1, 1, 0, 0.1, List.of("fire1"), List.of());
        IterationRecord record = new IterationRecord(iteration, new LossBreakdown(1, 1, 0, Map.of(), 0),
                parameters, false, 1_000_000);
        return new Frame(record, 120, new RgbImage(3, 2, pixels));
    }

    @Test
    void savesAtEachMultipleAndTheNextFrameWhenOneWasSkipped() throws IOException {
        Path out = folder.resolve("dog.png");
        RenderSettings defaults = RenderSettings.defaults();
        SettingsDocument seven = SettingsDocument.of(new RenderSettings(defaults.backbone(), defaults.device(),
                defaults.contentLayers(), defaults.styleLayers(), 1, 1, 0, 0.1, 64, defaults.init(), 120, 7), null, null);
        IntermediateSaver saver = new IntermediateSaver(out, 50, 120, seven,
                new PrintWriter(new StringWriter()), new OutputCheck(Map.of()));

        // Latest-wins delivery: iteration 50 itself never arrives here.
        Stream.of(1, 49, 51, 52, 99, 100, 120).map(IntermediateSaverTest::frame).forEach(saver::offer);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("dog-0051.png", "dog-0100.png");
        }
        SettingsDocument saved = SettingsCodec.read(folder.resolve("dog-0051.png"));
        assertThat(saved.settings()).isEqualTo(seven.settings());
        assertThat(saved.iteration()).as("the iteration the picture shows").isEqualTo(51);
        assertThat(saved.settings().iterations()).as("the run's planned length").isEqualTo(120);
    }

    @Test
    void zeroSavesNothing() throws IOException {
        IntermediateSaver saver = new IntermediateSaver(folder.resolve("o.png"), 0, 10, SettingsDocument.preset(RenderSettings.defaults()),
                new PrintWriter(new StringWriter()), new OutputCheck(Map.of()));

        saver.offer(frame(5));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void snapshotThatWouldReplaceAnInputIsSkippedWithAWarning() throws IOException {
        Path out = folder.resolve("dog.png");
        Path input = folder.resolve("dog-0050.png");
        Files.writeString(input, "the user's own picture");
        StringWriter err = new StringWriter();
        IntermediateSaver saver = new IntermediateSaver(out, 50, 120, SettingsDocument.preset(RenderSettings.defaults()), new PrintWriter(err),
                new OutputCheck(Map.of(input, "--content")));

        saver.offer(frame(50));

        assertThat(input).hasContent("the user's own picture");
        assertThat(err.toString()).contains("Warning: not saved", "dog-0050.png", "--content");
    }

    @Test
    void namesWidenForLongRuns() {
        IntermediateSaver saver = new IntermediateSaver(folder.resolve("out.png"), 1000, 20000, SettingsDocument.preset(RenderSettings.defaults()),
                new PrintWriter(new StringWriter()), new OutputCheck(Map.of()));

        assertThat(saver.pathFor(3000).getFileName().toString()).isEqualTo("out-03000.png");
    }
}
