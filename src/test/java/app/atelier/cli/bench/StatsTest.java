package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void quantilesInterpolateLikeNumpy() {
        Stats stats = Stats.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0));
        assertThat(stats.median()).isEqualTo(3.0);
        assertThat(stats.p10()).isEqualTo(1.4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(stats.p90()).isEqualTo(4.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(stats.p99()).isEqualTo(4.96, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(stats.min()).isEqualTo(1.0);
        assertThat(stats.max()).isEqualTo(5.0);
    }

    @Test
    void resultLinesSurviveTheRoundTrip() {
        BenchResult result = BenchResult.parse("RESULT backbone=vgg19 size=384 opt=adam median_ms=1234 peak_rss_mb=900.5");
        assertThat(result.get("backbone")).isEqualTo("vgg19");
        assertThat(result.number("median_ms")).isEqualTo(1234);
        assertThat(BenchResult.parse(result.toLine())).isEqualTo(result);
    }
}
