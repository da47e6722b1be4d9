package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.image.RgbImage;
import app.atelier.model.NamedTensor;
import app.atelier.model.SafetensorsReader;
import app.atelier.model.SafetensorsWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VGG19 reader on a .safetensors file written here with torchvision's key names. */
class Vgg19BackboneTest {

    @TempDir
    static Path dir;
    static Path weights;

    @BeforeAll
    static void writeWeights() throws Exception {
        weights = dir.resolve("vgg19.safetensors");
        EngineBenchmark.writeMadeUpVgg19(weights);
    }

    @Test
    void runsToTheDeepestTapWithMaxOrAveragePooling() throws Exception {
        RgbImage picture = EngineBenchmark.noise(48, 32, 9);
        try (Vgg19Backbone max = Vgg19Backbone.load(weights, Pooling.MAX, Device.cpu(), DataType.FLOAT32);
             Vgg19Backbone avg = Vgg19Backbone.load(weights, Pooling.AVG, Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray image = ImageTensors.toTensor(manager, picture, DataType.FLOAT32);
            Map<String, NDArray> taps = max.features(image, Set.of("conv1_1", "conv3_4", "conv5_4"));
            assertThat(taps.get("conv1_1").getShape().getShape()).containsExactly(1, 64, 32, 48);
            assertThat(taps.get("conv3_4").getShape().getShape()).containsExactly(1, 256, 8, 12);
            assertThat(taps.get("conv5_4").getShape().getShape()).containsExactly(1, 512, 2, 3);
            assertThat(taps.get("conv1_1").min().getFloat()).isGreaterThanOrEqualTo(0f); // ReLU outputs

            // Both poolings agree before the first pool and differ after it.
            NDArray firstMax = max.features(image, Set.of("conv1_2")).get("conv1_2");
            NDArray firstAvg = avg.features(image, Set.of("conv1_2")).get("conv1_2");
            assertThat(firstMax.contentEquals(firstAvg)).isTrue();
            NDArray secondMax = max.features(image, Set.of("conv2_1")).get("conv2_1");
            NDArray secondAvg = avg.features(image, Set.of("conv2_1")).get("conv2_1");
            assertThat(secondMax.contentEquals(secondAvg)).isFalse();

            // Only as deep as asked: a 1x1 picture passes block 1 but cannot be pooled for conv2_1.
            NDArray dot = manager.ones(new ai.djl.ndarray.types.Shape(1, 3, 1, 1));
            assertThat(max.features(dot, Set.of("conv1_2")).get("conv1_2").getShape().getShape())
                    .containsExactly(1, 64, 1, 1);
            assertThatThrownBy(() -> max.features(dot, Set.of("conv2_1")));

            // Intermediates are closed once consumed (autograd keeps what it needs): only the taps stay.
            int before = manager.getManagedArrays().size();
            max.features(image, Set.of("conv1_1", "conv5_4"));
            assertThat(manager.getManagedArrays().size() - before).isEqualTo(2);

            assertThatThrownBy(() -> max.features(image, Set.of("fire2")))
                    .hasMessageContaining("fire2").hasMessageContaining("conv5_4");
        }
    }

    @Test
    void rejectsAWrongShapedOrMissingTensorByName() throws Exception {
        Map<String, NamedTensor> tensors = SafetensorsReader.readAll(weights);
        List<NamedTensor> wrong = new ArrayList<>(tensors.values());
        wrong.replaceAll(t -> t.name().equals("features.10.weight")
                ? new NamedTensor(t.name(), new long[] {256, 128, 1, 9}, t.data()) : t);
        Path wrongFile = dir.resolve("wrong.safetensors");
        SafetensorsWriter.write(wrongFile, wrong);
        assertThatThrownBy(() -> Vgg19Backbone.load(wrongFile, Pooling.MAX, Device.cpu(), DataType.FLOAT32).close())
                .hasMessageContaining("features.10.weight")
                .hasMessageContaining("[256, 128, 1, 9]")
                .hasMessageContaining("[256, 128, 3, 3]");

        List<NamedTensor> missing = new ArrayList<>(tensors.values());
        missing.removeIf(t -> t.name().equals("features.34.bias"));
        Path missingFile = dir.resolve("missing.safetensors");
        SafetensorsWriter.write(missingFile, missing);
        assertThatThrownBy(() -> Vgg19Backbone.load(missingFile, Pooling.MAX, Device.cpu(), DataType.FLOAT32).close())
                .hasMessageContaining("features.34.bias").hasMessageContaining("missing");
    }

    @Test
    void aJobOnVgg19RunsAndTheSecondJobReusesTheLoadedWeights() throws Exception {
        RgbImage content = EngineBenchmark.noise(32, 24, 1);
        RgbImage style = EngineBenchmark.noise(32, 32, 2);
        JobSpec spec = new JobSpec(BackboneKind.VGG19, weights, Pooling.AVG, ComputeDevice.CPU, content,
                List.of(new StyleSource(style, 1)), 32, InitMode.NOISE, 3, 2, Defaults.parameters(BackboneKind.VGG19));
        for (int run = 0; run < 2; run++) {
            try (StyleTransferJob job = StyleTransferJob.start(spec)) {
                assertThat(job.awaitFinished(java.time.Duration.ofMinutes(1))).isTrue();
                assertThat(job.state()).isEqualTo(JobState.COMPLETED);
                assertThat(job.latestFrame().orElseThrow().image().width()).isEqualTo(32);
            }
        }
        assertThat(BackboneCache.shared().loads(weights)).isEqualTo(1);
    }

    @Test
    void aCostThatOverflowsFailsTheJobWithAClearMessage() throws Exception {
        Path overflowing = dir.resolve("overflowing.safetensors");
        EngineBenchmark.writeMadeUpVgg19(overflowing, 1e12f);
        JobSpec spec = new JobSpec(BackboneKind.VGG19, overflowing, Pooling.MAX, ComputeDevice.CPU,
                EngineBenchmark.noise(32, 32, 1), List.of(new StyleSource(EngineBenchmark.noise(32, 32, 2), 1)), 32,
                InitMode.CONTENT, 3, 5, Defaults.parameters(BackboneKind.VGG19));
        JobRecorder recorder = new JobRecorder();
        try (StyleTransferJob job = StyleTransferJob.start(spec)) {
            job.subscribe(recorder);
            assertThat(job.awaitFinished(java.time.Duration.ofMinutes(1))).isTrue();
            assertThat(job.state()).isEqualTo(JobState.FAILED);
            assertThat(job.latestFrame()).isEmpty(); // no picture of a broken cost is ever shown
        }
        JobRecorder.await("the failure", 10, () -> !recorder.failures.isEmpty());
        assertThat(recorder.states).endsWith(JobState.FAILED);
        assertThat(recorder.failures.get(0).getMessage()).contains("iteration 1").contains("weights file");
    }
}
