package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged checkpoints must end in a message (an IOException), never in a crash of another kind
 * (ClassCastException, IndexOutOfBounds, OutOfMemoryError...) that would escape the import dialog.
 */
class CheckpointFuzzTest {

    @TempDir
    Path dir;

    @Test
    void mutatedPicklesFailWithAMessageOrReadCleanly() throws IOException {
        Path original = TorchCheckpointReaderTest.resource("tiny.pth");
        List<String> crashes = new ArrayList<>();
        Random random = new Random(2024);
        try (ZipFile zip = new ZipFile(original.toFile())) {
            byte[] pickle = zip.getInputStream(zip.getEntry("tiny/data.pkl")).readAllBytes();
            for (int round = 0; round < 400; round++) {
                byte[] mutated = pickle.clone();
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
                Path file = dir.resolve("fuzz" + round + ".pth");
                rewrite(zip, mutated, file);
                readOrRecordCrash(file, "round " + round, crashes);
            }
        }
        assertThat(crashes).isEmpty();
    }

    @Test
    void mutatedLegacyFilesFailWithAMessageOrReadCleanly() throws IOException {
        byte[] original = Files.readAllBytes(TorchCheckpointReaderTest.resource("tiny-2017.pth"));
        List<String> crashes = new ArrayList<>();
        Random random = new Random(7);
        for (int round = 0; round < 400; round++) {
            byte[] mutated = original.clone();
            // The pickles sit in the first ~1400 bytes; raw float data after them cannot be damaged meaningfully.
            mutated[random.nextInt(1400)] = (byte) random.nextInt(256);
            Path file = dir.resolve("fuzz" + round + ".pth");
            Files.write(file, mutated);
            readOrRecordCrash(file, "round " + round, crashes);
        }
        assertThat(crashes).isEmpty();
    }

    /** Reads the damaged {@code file}, which must succeed or fail with a message; any other failure is added to {@code crashes}. */
    private static void readOrRecordCrash(Path file, String round, List<String> crashes) throws IOException {
        try {
            TorchCheckpointReader.read(file);
        } catch (IOException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            crashes.add(round + ": " + e);
        }
        Files.delete(file);
    }

    private static void rewrite(ZipFile zip, byte[] pickle, Path target) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith("data.pkl") ? pickle : zip.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        }
    }
}
