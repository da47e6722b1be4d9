package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Channels-last order changes where the numbers lie in memory, never the numbers. */
class ImageNetNormalizationTest {

    @Test
    void channelsLastOrderGivesTheSameNormalisedPixelsAndConvolution() {
        Random random = new Random(5);
        float[] pixels = new float[3 * 7 * 9];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        float[] weights = new float[4 * 3 * 3 * 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray rgb = manager.create(pixels, new Shape(1, 3, 7, 9));
            NDArray weight = manager.create(weights, new Shape(4, 3, 3, 3));
            NDArray usual = new ImageNetNormalization(manager, DataType.FLOAT32, false).apply(rgb);
            NDArray channelsLast = new ImageNetNormalization(manager, DataType.FLOAT32, true).apply(rgb);

            assertThat(channelsLast.getShape()).isEqualTo(new Shape(1, 3, 7, 9));
            assertThat(channelsLast.toFloatArray()).containsExactly(usual.toFloatArray());
            assertThat(usual.getFloat(0, 0, 0, 0)).isCloseTo((pixels[0] - 0.485f) / 0.229f, within(1e-5f));
            float[] fromUsual = convolve(usual, weight);
            float[] fromChannelsLast = convolve(channelsLast, weight);
            for (int i = 0; i < fromUsual.length; i++) {
                assertThat(fromChannelsLast[i]).isCloseTo(fromUsual[i], within(1e-4f));
            }
        }
    }

    private static float[] convolve(NDArray input, NDArray weight) {
        return Conv2d.conv2d(input, weight, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow().toFloatArray();
    }
}
