package app.atelier.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.Defaults;
import app.atelier.engine.IterationRecord;
import app.atelier.engine.LossBreakdown;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import app.atelier.settings.Pictures;
import app.atelier.settings.RenderSettings;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history folder on disk: entries written whole, read back by a new store, and kept within the user's limit. */
class HistoryStoreTest {

    private static IterationRecord record(int iteration) {
        return new IterationRecord(iteration, new LossBreakdown(1, 0.5, 0.5, Map.of(), 0),
                Defaults.parameters(Defaults.BACKBONE), false, 1_000);
    }

    /** Noise, which PNG cannot shrink: about 3 bytes a pixel on disk. */
    private static RgbImage noise(int side, long seed) {
        Random random = new Random(seed);
        int[] argb = new int[side * side];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        return new RgbImage(side, side, argb);
    }

    private static SettingsDocument document(int size) {
        RenderSettings defaults = RenderSettings.defaults();
        RenderSettings settings = new RenderSettings(defaults.backbone(), defaults.device(), defaults.contentLayers(),
                defaults.styleLayers(), defaults.alpha(), defaults.beta(), defaults.tvWeight(), defaults.learningRate(), size,
                defaults.init(), 300, defaults.seed(), defaults.quality(), defaults.costMode());
        return SettingsDocument.of(settings, new Pictures(new Pictures.Picture("dog.jpg", "/nowhere/dog.jpg"),
                List.of(new Pictures.StylePicture("scream.jpg", "/nowhere/scream.jpg", 1.0)), null), 7);
    }

    @Test
    void anEntryIsReadBackByANewStoreWithItsSettingsPictureAndThumbnail(@TempDir Path folder) throws Exception {
        RgbImage picture = noise(200, 1);
        new HistoryStore(folder).add(document(200), record(7), 300, picture);

        List<HistoryEntry> entries = new HistoryStore(folder).list();
        assertThat(entries).hasSize(1);
        HistoryEntry entry = entries.get(0);
        assertThat(entry.document().settings().size()).isEqualTo(200);
        assertThat(entry.shown().iteration()).isEqualTo(7);
        assertThat(entry.totalIterations()).isEqualTo(300);
        assertThat(ImageLoader.load(entry.picture()).argb()).isEqualTo(picture.argb());
        // The picture carries its settings as File › Save image writes them, so Open render reads it too.
        assertThat(SettingsCodec.read(entry.picture()).settings().size()).isEqualTo(200);
        assertThat(ImageLoader.load(entry.thumbnail()).longSide()).isEqualTo(HistoryStore.THUMBNAIL_SIDE);
        assertThat(entry.title()).isEqualTo("dog.jpg × scream.jpg");
        assertThat(entry.bytes()).isPositive();
    }

    @Test
    void theOldestEntriesGoSoThatTheFolderStaysWithinTheLimit(@TempDir Path folder) throws Exception {
        HistoryStore store = new HistoryStore(folder);
        store.setLimitMegabytes(1);
        List<HistoryEntry> left = List.of();
        // Each entry is about 0.36 MB of noise: two fit in 1 MB, three do not.
        for (int i = 1; i <= 5; i++) {
            left = store.add(document(100 + i), record(i), 300, noise(350, i));
            assertThat(store.bytesUsed()).isLessThanOrEqualTo(1_000_000L);
        }
        assertThat(left).extracting(entry -> entry.document().settings().size()).containsExactly(104, 105);
        assertThat(new HistoryStore(folder).list()).extracting(HistoryEntry::id)
                .containsExactlyElementsOf(left.stream().map(HistoryEntry::id).toList());
        assertThat(new HistoryStore(folder).limitMegabytes()).isEqualTo(1);

        // Lowering the limit evicts at once; an entry larger than the limit is not kept at all.
        store.setLimitMegabytes(1);
        store.add(document(900), record(1), 1, noise(700, 9));
        assertThat(store.bytesUsed()).isLessThanOrEqualTo(1_000_000L);
        assertThat(store.list()).noneMatch(entry -> entry.document().settings().size() == 900);
    }

    @Test
    void aHalfWrittenEntryOfAProcessThatIsGoneIsRemovedAndNeverListed(@TempDir Path folder) throws Exception {
        HistoryStore store = new HistoryStore(folder);
        store.add(document(64), record(3), 10, noise(64, 3));
        // A pid no process has: the writer was killed before it renamed the folder into place.
        Path leftover = Files.createDirectories(folder.resolve(".20260101-000000-000-p" + Integer.MAX_VALUE + ".partial"));
        Files.writeString(leftover.resolve("picture.png"), "half");

        assertThat(store.list()).hasSize(1);
        assertThat(leftover).doesNotExist();
    }
}
