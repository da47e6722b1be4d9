package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.model.RandomVgg19Weights;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what {@link CostMode} is chosen from: for each photo x painting of the quality set, each
 * style layer's exact term and its normalised term at the start picture (the photo), and the pixel
 * gradients' RMS of the normalised default total. Not a test: run it on purpose with
 * {@code mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=app.atelier.engine.CostScaleSurvey}
 * (or java -cp); {@code -Dsurvey.size=256}, {@code -Dsurvey.vgg=true} adds VGG19 with random weights.
 */
public final class CostScaleSurvey {

    private static final List<String> PHOTOS = List.of("dog.jpg", "horses.jpg", "chicago.jpg");
    private static final List<String> PAINTINGS = List.of("scream.jpg", "shipwreck.jpg", "composition_vii.jpg",
            "udnie.jpg", "wave.jpg");

    private CostScaleSurvey() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("survey.size", 256);
        List<Backbone> nets = new ArrayList<>();
        nets.add(SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32));
        if (Boolean.getBoolean("survey.vgg")) {
            Path folder = Files.createTempDirectory("vgg-random");
            nets.add(Vgg19Backbone.load(RandomVgg19Weights.write(folder, 1), Pooling.MAX, Device.cpu(),
                    DataType.FLOAT32));
        }
        for (Backbone net : nets) {
            LiveParameters parameters = Defaults.parameters(net.kind());
            System.out.printf(Locale.ROOT, "%s at %d px; layers %s; content %s%n", net.kind().displayName(), size,
                    parameters.styleLayers(), parameters.contentLayers());
            for (String photo : PHOTOS) {
                for (String painting : PAINTINGS) {
                    survey(net, parameters, photo, painting, size);
                }
            }
            net.close();
        }
    }

    private static void survey(Backbone net, LiveParameters parameters, String photo, String painting, int size)
            throws Exception {
        RgbImage content = ImageResizer.toLongSide(ImageLoader.load(TestData.image(photo)), size);
        RgbImage style = ImageResizer.toLongSide(ImageLoader.load(TestData.image(painting)), size);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             StyleTargets targets = new StyleTargets(net, manager, content, List.of(new StyleSource(style, 1)),
                     DataType.FLOAT32)) {
            StyleObjective objective = new StyleObjective(net, targets);
            LiveParameters exact = parameters.withCostMode(CostMode.EXACT);
            objective.prepare(parameters);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %-20s", photo, painting));
            try (NDManager scope = manager.newSubManager()) {
                NDArray start = ImageTensors.toTensor(scope, content, DataType.FLOAT32);
                LossBreakdown exactLoss = objective.evaluate(start, exact).breakdown();
                PixelOptimizer.CostAndGradient normalized = CostGradient.at(objective, start,
                        parameters, scope);
                for (StyleLayer layer : parameters.styleLayers()) {
                    line.append(String.format(Locale.ROOT, " %s exact %.3g rel %.3f;", layer.name(),
                            exactLoss.stylePerLayer().get(layer.name()), normalized.loss().stylePerLayer().get(layer.name())));
                }
                NDArray gradient = normalized.gradient();
                double rms = Math.sqrt(gradient.square().mean().getFloat());
                line.append(String.format(Locale.ROOT, " S %.3f grad RMS %.2g", normalized.loss().style(), rms));
            }
            System.out.println(line);
        }
    }
}
