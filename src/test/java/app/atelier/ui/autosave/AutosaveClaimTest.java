package app.atelier.ui.autosave;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Atelier windows never share an autosave folder: the claim holds while its process lives, and no longer. */
class AutosaveClaimTest {

    /** A second process: claims the folder given, says so, and waits to be killed. */
    public static final class Claimer {
        public static void main(String[] args) throws Exception {
            System.out.println(new AutosaveStore(Path.of(args[0])).claim() ? "claimed" : "refused");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    void aFolderAnotherProcessHoldsIsRefusedUntilThatProcessIsKilled(@TempDir Path folder) throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Claimer.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("claimed") && !line.equals("refused"));
            assertThat(line).isEqualTo("claimed");
            assertThat(new AutosaveStore(folder).claim()).isFalse();
        } finally {
            other.destroyForcibly();
        }
        assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Killed, as a crash would: the lock went with it, so the next launch claims the folder and offers its run.
        assertThat(new AutosaveStore(folder).claim()).isTrue();
    }

    @Test
    void aClaimedFolderStaysClaimedWhenItsRunIsCleared(@TempDir Path folder) throws Exception {
        AutosaveStore mine = new AutosaveStore(folder);
        assertThat(mine.claim()).isTrue();
        assertThat(new AutosaveStore(folder).claim()).isFalse();
        Files.writeString(folder.resolve("state.json"), "{}");
        mine.clear();
        assertThat(folder.resolve("state.json")).doesNotExist();
        // Discard or a clean close clears the run but keeps the lock, so a second window still cannot take the folder.
        assertThat(new AutosaveStore(folder).claim()).isFalse();
    }
}
