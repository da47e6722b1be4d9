package app.atelier.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FX thread probe notices both ways a window can freeze: computing on the FX thread and waiting on it. */
class FxThreadProbeTest {

    @BeforeAll
    static void toolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    private static void onFxThread(Runnable task) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            task.run();
            done.countDown();
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
    }

    @Test
    void busyWorkOnTheFxThreadIsCounted() throws Exception {
        try (FxThreadProbe probe = new FxThreadProbe(FxThreadProbe.TEST_SAMPLE_MILLIS)) {
            Thread.sleep(100);
            onFxThread(() -> {
                // A CPU-time budget, not a wall-clock one: on a loaded machine the thread may get
                // only a share of a core, and the probe counts the FX thread's own work.
                java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
                long end = bean.getCurrentThreadCpuTime() + 250_000_000L;
                double sink = 0;
                while (bean.getCurrentThreadCpuTime() < end) {
                    sink += Math.sqrt(sink + 1);
                }
                assertThat(sink).isPositive();
            });
            assertThat(probe.worstWorkMillis()).isGreaterThan(100);
        }
    }

    @Test
    void waitingOnTheFxThreadInsideAtelierCodeIsCounted() throws Exception {
        try (FxThreadProbe probe = new FxThreadProbe(FxThreadProbe.TEST_SAMPLE_MILLIS)) {
            Thread.sleep(100);
            onFxThread(() -> {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(probe.worstWaitMillis()).isGreaterThan(100);
            assertThat(probe.waitsInAtelierCode()).anyMatch(line -> line.contains(FxThreadProbeTest.class.getName()));
        }
    }
}
