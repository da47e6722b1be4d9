package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The window's samples file as the window writes it, read back and summarised into the WINDOW line. */
class WindowSamplesTest {

    private static final String SAMPLES = """
            backbone=squeezenet1_1
            size=256
            iteration_ms=100.000,120.000,110.000
            change_to_frame_ms=150.500,90.000,210.250
            iterations_to_show=2,1,2
            fx_wall_ms=%s
            fx_work_ms=0.100,0.200,12.500
            fx_blocked_max_ms=0
            """.formatted(IntStream.rangeClosed(1, 200).mapToObj(i -> i + ".000").collect(Collectors.joining(",")));

    @Test
    void theLineGivesMediansPercentilesAndMaxima() {
        WindowSamples samples = WindowSamples.parse(SAMPLES);

        assertThat(samples.fxWallMillis()).hasSize(200);
        assertThat(samples.toLine()).isEqualTo("WINDOW backbone=squeezenet1_1 size=256 changes=3 iteration_ms=110.0"
                + " change_to_frame_median_ms=150.5 change_to_frame_max_ms=210.3 iterations_to_show_max=2"
                + " fx_pings=200 fx_wall_median_ms=100.5 fx_wall_p99_ms=198.0 fx_wall_max_ms=200.0"
                + " fx_work_max_ms=12.5 fx_blocked_max_ms=0");
        assertThat(samples.summary()).contains("151 ms median", "210 ms at most", "at most 2 iterations",
                "200 pings", "198.0 ms p99");
    }

    @Test
    void anErrorFromTheWindowIsItsMessage() {
        assertThatThrownBy(() -> WindowSamples.parse("error=the run did not start: no weights\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the run did not start: no weights");
    }

    @Test
    void aMissingMeasureIsNamed() {
        assertThatThrownBy(() -> WindowSamples.parse(SAMPLES.replaceAll("change_to_frame_ms=.*\\n", "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("change_to_frame_ms");
    }

    @Test
    void withoutADisplayOnLinuxTheBenchSaysHowToRunIt() {
        assertThat(WindowRun.missingDisplay("Linux", null)).get().asString().contains("xvfb-run", "DISPLAY");
        assertThat(WindowRun.missingDisplay("Linux", " ")).isPresent();
        assertThat(WindowRun.missingDisplay("Linux", ":99")).isEmpty();
        assertThat(WindowRun.missingDisplay("Mac OS X", null)).isEmpty();
        assertThat(WindowRun.missingDisplay("Windows 11", null)).isEmpty();
    }

    @Test
    void theWindowScriptIsFoundOnlyWithTheTooling() throws Exception {
        // The tests' class path holds the tooling (compiled with them); the app's classes alone do not.
        assertThat(WindowRun.missingTooling(WindowRun.class.getClassLoader())).isEmpty();
        URL productClasses = WindowRun.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader product = new URLClassLoader(new URL[] {productClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThat(WindowRun.missingTooling(product)).get().asString()
                    .contains("not part of the app", "java -jar target/atelier-tooling.jar bench --mode window");
        }
    }
}
