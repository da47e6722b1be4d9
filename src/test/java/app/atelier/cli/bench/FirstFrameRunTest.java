package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.engine.Defaults;
import app.atelier.image.ImageLoader;
import app.atelier.model.WeightsSearchPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-frame benchmark on the real default job, small and short: one figure per size, in order. */
class FirstFrameRunTest {

    @Test
    void timesTheFirstFrameOfEachSizeOfTheDefaultRender(@TempDir Path frames) throws Exception {
        Path weights = TestData.squeezenet();
        String previous = System.getProperty(WeightsSearchPath.PROPERTY);
        System.setProperty(WeightsSearchPath.PROPERTY, weights.getParent().toString());
        String line;
        try {
            BenchSetup setup = new BenchSetup(ImageLoader.load(TestData.image("dog.jpg")),
                    ImageLoader.load(TestData.image("scream.jpg")), weights, null);
            line = FirstFrameRun.run(setup, 96, 12, frames);
        } finally {
            if (previous == null) {
                System.clearProperty(WeightsSearchPath.PROPERTY);
            } else {
                System.setProperty(WeightsSearchPath.PROPERTY, previous);
            }
        }

        BenchResult figures = BenchResult.parse(BenchResult.PREFIX + line.substring(FirstFrameRun.PREFIX.length()));
        int scales = Defaults.QUALITY.scales();
        assertThat(figures.number("scales")).isEqualTo(scales);
        assertThat(figures.get("sizes_px")).endsWith("96");
        assertThat(figures.number("scale1_first_iteration")).isEqualTo(1);
        assertThat(figures.number("first_iteration_s")).isPositive().isLessThan(figures.number("scale1_first_s"));
        double previousLast = 0;
        for (int scale = 1; scale <= scales; scale++) {
            double first = figures.number("scale" + scale + "_first_s");
            double last = figures.number("scale" + scale + "_last_s");
            assertThat(first).as("size %d starts after the one before", scale).isGreaterThanOrEqualTo(previousLast);
            assertThat(last).isGreaterThanOrEqualTo(first);
            previousLast = last;
        }
        assertThat(figures.number("final_s")).isGreaterThanOrEqualTo(previousLast);
        assertThat(figures.number("launch_to_first_s")).isGreaterThan(figures.number("scale1_first_s"));
        try (Stream<Path> saved = Files.list(frames)) {
            assertThat(saved.map(p -> p.getFileName().toString()))
                    .contains("first-frame-scale1-0001.png").hasSizeGreaterThanOrEqualTo(2 * scales);
        }
        assertThat(FirstFrameRun.summary(line)).startsWith("From Start").contains("From launch", "Load average");
    }
}
