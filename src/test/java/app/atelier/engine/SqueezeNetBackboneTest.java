package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import app.atelier.model.BuiltInWeights;
import app.atelier.model.BuiltInWeightsLocation;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqueezeNetBackboneTest {

    @Test
    void classifiesTheDogPhotoAsTheModelsReadmeSays() throws Exception {
        classifyDog(TestData.squeezenet());
    }

    /** The built-in .npz read through the jar's zip file system, as the installed app reads it. */
    @Test
    void builtInWeightsReadFromInsideAJarClassifyTheDogTheSame(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app with space.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
             var in = SqueezeNetBackboneTest.class.getResourceAsStream(BuiltInWeights.RESOURCE)) {
            out.putNextEntry(new java.util.zip.ZipEntry(BuiltInWeights.RESOURCE.substring(1)));
            in.transferTo(out);
            out.closeEntry();
        }
        Path inJar = BuiltInWeightsLocation.of(new URL("jar:" + jar.toUri() + "!" + BuiltInWeights.RESOURCE));
        assertThat(inJar.getFileSystem()).isNotEqualTo(jar.getFileSystem());
        classifyDog(inJar);
    }

    private static void classifyDog(Path weights) throws Exception {
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        int side = Math.min(dog.width(), dog.height());
        int[] crop = new int[side * side];
        int x0 = (dog.width() - side) / 2;
        int y0 = (dog.height() - side) / 2;
        for (int y = 0; y < side; y++) {
            System.arraycopy(dog.argb(), (y0 + y) * dog.width() + x0, crop, y * side, side);
        }
        RgbImage input = ImageResizer.resize(new RgbImage(side, side, crop), 224, 224);

        try (SqueezeNetBackbone net = SqueezeNetBackbone.load(weights, Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray image = ImageTensors.toTensor(manager, input, DataType.FLOAT32);
            float[] probabilities = net.logits(image).softmax(1).toFloatArray();
            assertThat(probabilities).hasSize(1000);
            int first = argMax(probabilities, -1);
            int second = argMax(probabilities, first);
            System.out.printf("top classes: %d (p=%.3f), %d (p=%.3f)%n",
                    first, probabilities[first], second, probabilities[second]);
            assertThat(first).isEqualTo(537);
            assertThat(second).isEqualTo(249);

            Map<String, NDArray> taps = net.features(image, Set.of("conv0", "fire2", "fire8"));
            assertThat(taps.keySet()).containsExactlyInAnyOrder("conv0", "fire2", "fire8");
            assertThat(taps.get("conv0").getShape().getShape()).containsExactly(1, 64, 111, 111);
            assertThat(taps.get("fire2").getShape().getShape()).containsExactly(1, 128, 55, 55);
            assertThat(taps.get("fire8").getShape().getShape()).containsExactly(1, 512, 13, 13);
            assertThatThrownBy(() -> net.features(image, Set.of("fire9")))
                    .hasMessageContaining("fire9").hasMessageContaining("fire8");
        }
    }

    @Test
    void rejectsAMissingOrWrongShapedWeightFileByName(@TempDir Path dir) throws Exception {
        Path source = TestData.squeezenet();
        Path copy = Files.createDirectories(dir.resolve("squeezenet1_1"));
        try (var files = Files.list(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Files.delete(copy.resolve("squeezenet0_conv7_bias.npy"));
        assertThatThrownBy(() -> SqueezeNetBackbone.load(copy, Device.cpu(), DataType.FLOAT32).close())
                .hasMessageContaining("squeezenet0_conv7_bias").hasMessageContaining("missing");
        Files.copy(copy.resolve("squeezenet0_conv8_bias.npy"), copy.resolve("squeezenet0_conv7_bias.npy"));
        assertThatThrownBy(() -> SqueezeNetBackbone.load(copy, Device.cpu(), DataType.FLOAT32).close())
                .hasMessageContaining("squeezenet0_conv7_bias").hasMessageContaining("[128]")
                .hasMessageContaining("[32]");
    }

    private static int argMax(float[] values, int excluded) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (i != excluded && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }
}
