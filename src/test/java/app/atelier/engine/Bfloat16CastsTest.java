package app.atelier.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import app.atelier.TestData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The bfloat16 backbone: DJL's own cast crashes, the TorchScript casts work and autograd passes them. */
class Bfloat16CastsTest {

    @Test
    void djlsOwnCastToBfloat16EndsTheProcess() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Bfloat16CastCrash.class.getName())
                .redirectErrorStream(true).start();
        String output;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            output = reader.lines().collect(Collectors.joining("\n"));
        }
        assertTrue(child.waitFor(2, TimeUnit.MINUTES), output);
        // If a DJL upgrade makes this pass, Bfloat16Casts can go back to NDArray.toType.
        assertNotEquals(0, child.exitValue(), output);
        assertTrue(output.contains("casting"), output);
        assertTrue(output.contains("terminate called without an active exception"), output);
        assertTrue(!output.contains("cast to"), output);
    }

    @Test
    void castsRoundTripAndCarryTheGradientBackToFloat32() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(new float[] {1.001953125f, 1.0078125f, -3.5f, 1e-3f}, new Shape(4));
            x.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray bf = Bfloat16Casts.toBfloat16(x);
                assertTrue(Bfloat16Casts.isBfloat16(bf));
                NDArray back = Bfloat16Casts.toFloat32(bf);
                assertEquals(DataType.FLOAT32, back.getDataType());
                // 7 stored bits of mantissa: 1 + 2^-7 survives, 1 + 2^-9 rounds to 1, 1e-3 to the nearest.
                float[] values = back.toFloatArray();
                assertEquals(1f, values[0]);
                assertEquals(1.0078125f, values[1]);
                assertEquals(-3.5f, values[2]);
                assertEquals(1e-3f, values[3], 1e-3f / 128);
                collector.backward(back.mul(manager.create(new float[] {1f, 2f, 3f, 4f})).sum());
            }
            assertEquals(DataType.FLOAT32, x.getGradient().getDataType());
            float[] gradient = x.getGradient().toFloatArray();
            assertEquals(2f, gradient[1]);
            assertEquals(4f, gradient[3]);
        }
    }

    @Test
    void bfloat16SqueezeNetGivesFloat32TapsCloseToTheFloat32Network() throws Exception {
        Path weights = TestData.squeezenet();
        try (SqueezeNetBackbone full = SqueezeNetBackbone.load(weights, Device.cpu(), DataType.FLOAT32);
             SqueezeNetBackbone half = SqueezeNetBackbone.load(weights, Device.cpu(), DataType.BFLOAT16);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            manager.getEngine().setRandomSeed(3);
            NDArray rgb = manager.randomUniform(0, 1, new Shape(1, 3, 64, 64));
            Map<String, NDArray> expected = full.features(rgb, Set.of("conv0", "fire4"));
            Map<String, NDArray> actual = half.features(rgb, Set.of("conv0", "fire4"));
            for (String tap : expected.keySet()) {
                assertEquals(DataType.FLOAT32, actual.get(tap).getDataType(), tap);
                double error = actual.get(tap).sub(expected.get(tap)).norm().getFloat()
                        / expected.get(tap).norm().getFloat();
                assertTrue(error > 0 && error < 0.03, tap + ": relative error " + error);
            }
        }
    }
}
