package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LbfgsOptimizerTest {

    private static final int SIDE = 64;
    private static RgbImage content;
    private static RgbImage style;

    @BeforeAll
    static void loadImages() throws Exception {
        content = ImageResizer.toLongSide(ImageLoader.load(TestData.image("dog.jpg")), SIDE);
        style = ImageResizer.toLongSide(ImageLoader.load(TestData.image("scream.jpg")), SIDE);
    }

    @Test
    void reachesALowerCostThanAdamWithTheSameNumberOfEvaluations() throws Exception {
        int budget = 25;
        try (SqueezeNetBackbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            LiveParameters parameters = QualityRuns.exactSqueezeNetRecipe();
            double adam = costAfter(budget, new AdamOptimizer(manager), net, manager, parameters);
            double lbfgs = costAfter(budget, new LbfgsOptimizer(manager, 20, 1e-5, 1e-7), net, manager, parameters);
            System.out.printf("after %d evaluations: Adam %.6g, L-BFGS %.6g%n", budget, adam, lbfgs);
            assertThat(lbfgs).isLessThan(adam);
        }
    }

    /** Runs {@code optimizer} from the content picture until it has used {@code budget} evaluations. */
    private static double costAfter(int budget, PixelOptimizer optimizer, Backbone net, NDManager manager,
                                    LiveParameters parameters) {
        try (StyleTargets targets = new StyleTargets(net, manager, content, List.of(new StyleSource(style, 1)),
                DataType.FLOAT32);
             NDManager run = manager.newSubManager();
             optimizer) {
            StyleObjective objective = new StyleObjective(net, targets);
            objective.prepare(parameters);
            NDArray pixels = ImageTensors.toTensor(run, content, DataType.FLOAT32);
            int[] evaluations = {0};
            PixelOptimizer.DifferentiableCost cost = (x, scope) -> {
                evaluations[0]++;
                return CostGradient.at(objective, x, parameters, scope);
            };
            int steps = 0;
            while (evaluations[0] < budget && !optimizer.converged()) {
                try (NDManager scope = run.newSubManager()) {
                    optimizer.step(pixels, cost, parameters.learningRate(), scope);
                }
                steps++;
            }
            assertThat(pixels.min().getFloat()).isGreaterThanOrEqualTo(0f);
            assertThat(pixels.max().getFloat()).isLessThanOrEqualTo(1f);
            try (NDManager scope = run.newSubManager()) {
                double total = CostGradient.at(objective, pixels, parameters, scope).loss().total();
                System.out.printf("%s: %d steps, %d evaluations, cost %.6g%n",
                        optimizer.getClass().getSimpleName(), steps, evaluations[0], total);
                return total;
            }
        }
    }

    @Test
    void aJobWithLbfgsCountsEvaluationsAndLowersTheCost() throws Exception {
        JobSpec spec = new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU,
                content, List.of(new StyleSource(style, 1)), SIDE, InitMode.CONTENT, 1, 8,
                Defaults.parameters(BackboneKind.SQUEEZENET1_1))
                .withQuality(RenderQuality.DEFAULT.withOptimizer(OptimizerKind.LBFGS));
        List<IterationRecord> records = new CopyOnWriteArrayList<>();
        try (StyleTransferJob job = StyleTransferJob.start(spec);
             AutoCloseable subscription = job.subscribe(new JobListener() {
                 @Override
                 public void onIterations(List<IterationRecord> batch) {
                     records.addAll(batch);
                 }
             })) {
            assertThat(job.awaitFinished(Duration.ofSeconds(60))).isTrue();
            assertThat(job.state()).isEqualTo(JobState.COMPLETED);
            subscription.close();
        }
        List<IterationRecord> seen = new ArrayList<>(records);
        assertThat(seen).isNotEmpty();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).evaluations()).isGreaterThan(seen.get(i - 1).evaluations());
        }
        assertThat(seen.get(seen.size() - 1).evaluations()).isGreaterThanOrEqualTo(seen.size());
        assertThat(seen.get(seen.size() - 1).loss().total()).isLessThan(seen.get(0).loss().total() * 0.8);
    }
}
