package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.LossBreakdown;
import app.atelier.model.DownloadProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The terminal's one progress line, as render and models draw it. */
class ProgressLineTest {

    @Test
    void barShowsCountRateAndRemainingTime() {
        String line = ProgressLine.iterations(50, 200, 10.0);

        assertThat(line).contains(" 50/200", "10 it/s", "ETA 0:15");
        assertThat(line.chars().filter(c -> c == '#').count()).isEqualTo(6);
    }

    @Test
    void slowRatesKeepTheirDecimalsAndLongEtasShowHours() {
        assertThat(ProgressLine.iterations(0, 1000, 0.25)).contains("0.25 it/s", "ETA 1:06:40");
    }

    @Test
    void barWithoutARateYetShowsOnlyTheCount() {
        String line = ProgressLine.iterations(0, 200, Double.NaN);

        assertThat(line).endsWith("  0/200").doesNotContain("ETA");
    }

    @Test
    void finishedBarIsFull() {
        assertThat(ProgressLine.iterations(200, 200, 5)).startsWith("[" + "#".repeat(24) + "]").contains("ETA 0:00");
    }

    @Test
    void lossLineListsEachStyleLayer() {
        LossBreakdown loss = new LossBreakdown(12.5, 0.25, 3.0, Map.of("fire2", 2.0, "conv0", 1.0), 0);

        String line = ProgressLine.losses(10, 200, loss);

        assertThat(line).isEqualTo(
                "iter  10/200  total 1.250e+01  content 2.500e-01  style 3.000e+00 [conv0 1.000e+00, fire2 2.000e+00]  tv 0");
    }

    @Test
    void downloadShowsBytesRateAndEta() {
        String line = ProgressLine.download(
                new DownloadProgress(300_000_000, 574_673_361, 8_200_000, Optional.of(Duration.ofSeconds(35))));
        assertThat(line).isEqualTo("[############............] 300.0/574.7 MB  8.2 MB/s  ETA 0:35");
    }

    @Test
    void downloadOfUnknownSizeShowsTheBytesSoFar() {
        assertThat(ProgressLine.download(new DownloadProgress(1_500_000, -1, 500_000, Optional.empty())))
                .isEqualTo("[........................] 1.5 MB  0.5 MB/s");
    }

    @Test
    void theLineIsRedrawnInPlaceAndPermanentLinesGoOverIt() {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text));

        line.show("long progress");
        line.show("short");
        line.printAbove("loss");
        line.show("next");
        line.end();

        String n = System.lineSeparator();
        assertThat(text.toString()).isEqualTo("\rlong progress\rshort        \rloss " + n + "\rnext" + n);
    }
}
