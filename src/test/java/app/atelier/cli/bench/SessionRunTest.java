package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session benchmark's samples become one table row each; other lines pass through as the script wrote them. */
class SessionRunTest {

    @Test
    void samplesBecomeRowsAndTheHistorySizePassesThrough() {
        StringWriter text = new StringWriter();
        SessionRun.print(List.of("size=256", "sample=0,295.0,57.4,55.3,0.0,0", "sample=100,532.2,97.6,56.5,196.3,2",
                "history_bytes=20763"), new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines.get(0)).contains("iteration", "RSS MB", "heap live MB", "ms/it", "changes");
        assertThat(lines).contains("size=256", "history_bytes=20763");
        assertThat(lines.get(3).trim().split("\\s+")).containsExactly("100", "532.2", "97.6", "56.5", "196.3", "2");
    }
}
