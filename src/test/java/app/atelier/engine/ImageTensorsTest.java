package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import app.atelier.image.RgbImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {

    private static RgbImage randomPicture(int width, int height) {
        Random random = new Random(3);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(1 << 24);
        }
        return new RgbImage(width, height, argb);
    }

    @Test
    void aPictureSurvivesTheRoundTripThroughATensorExactly() {
        RgbImage picture = randomPicture(37, 23);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray tensor = ImageTensors.toTensor(manager, picture, DataType.FLOAT32);
            assertThat(ImageTensors.toImage(tensor).argb()).containsExactly(picture.argb());
        }
    }

    @Test
    void aTransposedViewOfTheTensorGivesTheTransposedPicture() {
        RgbImage picture = randomPicture(16, 9);
        try (NDManager manager = NDManager.newBaseManager()) {
            // A view with swapped strides, not contiguous in memory.
            NDArray transposed = ImageTensors.toTensor(manager, picture, DataType.FLOAT32).transpose(0, 1, 3, 2);
            RgbImage shown = ImageTensors.toImage(transposed);
            assertThat(shown.width()).isEqualTo(9);
            assertThat(shown.height()).isEqualTo(16);
            for (int y = 0; y < 9; y++) {
                for (int x = 0; x < 16; x++) {
                    assertThat(shown.argb()[x * 9 + y]).isEqualTo(picture.argb()[y * 16 + x]);
                }
            }
        }
    }

    @Test
    void valuesOutsideTheUnitRangeAreClampedAndOtherTypesConverted() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // Planes R, G, B of a 2 x 1 picture.
            NDArray tensor = manager.create(new float[] {-0.5f, 2f, 0.5f, 0f, 1f, 1.5f}, new Shape(1, 3, 1, 2));
            int[] expected = {0xFF0080FF, 0xFFFF00FF};
            assertThat(ImageTensors.toImage(tensor).argb()).containsExactly(expected);
            assertThat(ImageTensors.toImage(tensor.toType(DataType.FLOAT64, true)).argb()).containsExactly(expected);
        }
    }
}
