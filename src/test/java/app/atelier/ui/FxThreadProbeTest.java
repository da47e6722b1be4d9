package app.atelier.ui;

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
        try (FxThreadProbe probe = new FxThreadProbe()) {
            Thread.sleep(100);
            onFxThread(() -> {
                long end = System.nanoTime() + 250_000_000L;
                double sink = 0;
                while (System.nanoTime() < end) {
                    sink += Math.sqrt(sink + 1);
                }
                assertThat(sink).isPositive();
            });
            assertThat(probe.worstWorkMillis()).isGreaterThan(100);
        }
    }

    @Test
    void waitingOnTheFxThreadInsideAtelierCodeIsCounted() throws Exception {
        try (FxThreadProbe probe = new FxThreadProbe()) {
            Thread.sleep(100);
            onFxThread(() -> {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(probe.worstWaitMillis()).isGreaterThan(100);
        }
    }
}
