package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.EngineException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Which job failures are the user's to fix (one line) and which are bugs (logged with their trace). */
class EngineFailuresTest {

    @Test
    void memoryDamagedWeightsAndDivergenceAreExpectedWithAMessageForTheUser() {
        EngineException libtorch = new EngineException(
                "DefaultCPUAllocator: can't allocate memory: you tried to allocate 5368709120 bytes.");
        assertThat(EngineFailures.expected(libtorch)).isTrue();
        assertThat(EngineFailures.describe(libtorch)).startsWith("Out of memory: try a smaller output size");
        assertThat(EngineFailures.expected(new OutOfMemoryError("Java heap space"))).isTrue();
        assertThat(EngineFailures.expected(new IOException("squeezenet0_conv3_weight.npy: truncated"))).isTrue();
        assertThat(EngineFailures.expected(new OptimisationLoop.DivergedException("The cost became NaN"))).isTrue();
    }

    @Test
    void programmingErrorsAreNotExpected() {
        assertThat(EngineFailures.expected(new NullPointerException())).isFalse();
        assertThat(EngineFailures.expected(new IllegalStateException("closed"))).isFalse();
        assertThat(EngineFailures.expected(new EngineException("Given groups=1, weight of size [64, 3, 3, 3]"))).isFalse();
        assertThat(EngineFailures.describe(new NullPointerException())).startsWith("Unexpected engine error");
    }
}
