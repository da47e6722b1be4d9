package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * DJL must never reach for the network: with ai.djl.offline=true (set for every test run by the
 * build) it would fail rather than download, so loading the engine here proves the bundled
 * PyTorch native library is used.
 */
class DjlOfflineTest {

    @Test
    void pyTorchLoadsOfflineFromTheBundledNativeLibrary() {
        assertThat(System.getProperty("ai.djl.offline")).as("the build must run tests with -Dai.djl.offline=true")
                .isEqualTo("true");
        Engine engine = Engine.getInstance();
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(engine.getVersion()).isEqualTo("2.7.1");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            assertThat(manager.create(new float[] {1, 2, 3}).sum().getFloat()).isEqualTo(6f);
        }
        assertThat(StyleTransferJob.resolveDevice(ComputeDevice.CPU)).isEqualTo(Device.cpu());
        if (engine.getGpuCount() == 0) {
            assertThat(StyleTransferJob.resolveDevice(ComputeDevice.AUTO)).isEqualTo(Device.cpu());
        }
    }
}
