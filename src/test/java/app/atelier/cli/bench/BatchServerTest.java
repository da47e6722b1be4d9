package app.atelier.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch protocol bench/pairs.py drives, on a real (small) SqueezeNet job. */
class BatchServerTest {

    @Test
    void answersEachRunWithItsBatchAndQuitWithThePeakMemory() throws Exception {
        BenchSetup setup = new BenchSetup(image("dog.jpg"), image("scream.jpg"), TestData.squeezenet(), null);
        StringWriter written = new StringWriter();
        BatchServer.serve(new BenchConfig(BackboneKind.SQUEEZENET1_1, 64, "adam", 1, 0, 1), setup,
                new BufferedReader(new StringReader("RUN 2\nJUMP\nRUN 1\nQUIT\nRUN 5\n")), new PrintWriter(written));
        List<String> lines = written.toString().lines().toList();

        assertEquals(5, lines.size(), written.toString());
        assertTrue(lines.get(0).matches("READY impl=atelier width=64 height=48 gflop_per_eval=0\\.\\d+"), lines.get(0));
        assertBatch(lines.get(1), 2);
        assertTrue(lines.get(2).startsWith("ERROR unknown command 'JUMP'"), lines.get(2));
        assertBatch(lines.get(3), 1);
        // Nothing after QUIT runs.
        assertTrue(lines.get(4).matches("END peak_rss_mb=\\d+\\.\\d"), lines.get(4));
    }

    /** At least the iterations asked for, at most one more (the one in flight when the batch paused). */
    private static void assertBatch(String line, int asked) {
        assertTrue(line.startsWith("BATCH "), line);
        BenchResult words = BenchResult.parse("RESULT " + line.substring("BATCH ".length()));
        int iterations = Integer.parseInt(words.get("iterations"));
        assertTrue(iterations == asked || iterations == asked + 1, line);
        assertEquals(iterations, Integer.parseInt(words.get("evaluations")), line); // Adam: one each
        double[] millis = Arrays.stream(words.get("ms").split(",")).mapToDouble(Double::parseDouble).toArray();
        assertEquals(iterations, millis.length, line);
        assertTrue(Arrays.stream(millis).allMatch(ms -> ms > 0), line);
    }

    private static RgbImage image(String name) throws Exception {
        return ImageLoader.load(TestData.image(name));
    }
}
