package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import app.atelier.model.BuiltInWeights;
import app.atelier.model.NpyReader;
import app.atelier.model.NpzReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SqueezeNet 1.1 (torchvision layer order) from the {@code squeezenet0_conv{i}_*.npy} files (a
 * folder, or one .npz). Taps: relu(conv0), fire1 … fire8.
 */
final class SqueezeNetBackbone implements Backbone {

    /** A fire module: squeeze 1x1, then expand 1x1 and 3x3 concatenated on channels. */
    private record Fire(ConvLayer squeeze, ConvLayer expand1, ConvLayer expand3) {
        NDArray forward(NDArray input) {
            NDArray squeezed = squeeze.forwardRelu(input);
            NDArray wide = expand1.forwardRelu(squeezed);
            NDArray tall = expand3.forwardRelu(squeezed);
            NDArray joined = NDArrays.concat(new ai.djl.ndarray.NDList(wide, tall), 1);
            // Autograd holds what backward needs; the handles would only hold memory past the peak.
            squeezed.close();
            wide.close();
            tall.close();
            return joined;
        }
    }

    /** Channels per fire module: squeeze, expand (each branch). */
    private static final int[][] FIRE_CHANNELS = {
        {16, 64}, {16, 64}, {32, 128}, {32, 128}, {48, 192}, {48, 192}, {64, 256}, {64, 256}
    };

    private final NDManager manager;
    private final ImageNetNormalization normalization;
    private final ConvLayer conv0;
    private final List<Fire> fires;
    private final ConvLayer classifier;

    private SqueezeNetBackbone(NDManager manager, ImageNetNormalization normalization, ConvLayer conv0,
                               List<Fire> fires, ConvLayer classifier) {
        this.manager = manager;
        this.normalization = normalization;
        this.conv0 = conv0;
        this.fires = fires;
        this.classifier = classifier;
    }

    /**
     * Loads the weights onto {@code device}: a folder of .npy files, or an .npz of the same files
     * (the built-in weights, read straight from the jar). {@code dataType} is FLOAT32 except in
     * precision tests.
     */
    static SqueezeNetBackbone load(Path weightsPath, Device device, DataType dataType) throws IOException {
        WeightSet.TensorSource source;
        if (Files.isDirectory(weightsPath)) {
            source = name -> {
                Path file = weightsPath.resolve(name + ".npy");
                return Files.isRegularFile(file) ? NpyReader.read(file) : null;
            };
        } else if (Files.isRegularFile(weightsPath)) {
            source = NpzReader.readAll(weightsPath)::get;
        } else {
            throw new IOException("SqueezeNet weights " + weightsPath + " do not exist (expected a folder of .npy files or an .npz)");
        }
        NDManager manager = NDManager.newBaseManager(device);
        try {
            WeightSet weights = new WeightSet(manager, source, dataType, BuiltInWeights.describe(weightsPath));
            ConvLayer conv0 = conv(weights, "conv0", 0, 64, 3, 3, 2, 0);
            List<Fire> fires = new ArrayList<>();
            int index = 1;
            int inputChannels = 64;
            for (int[] channels : FIRE_CHANNELS) {
                int squeeze = channels[0];
                int expand = channels[1];
                String fire = "fire" + (fires.size() + 1);
                fires.add(new Fire(
                        conv(weights, fire + ".squeeze", index, squeeze, inputChannels, 1, 1, 0),
                        conv(weights, fire + ".expand1x1", index + 1, expand, squeeze, 1, 1, 0),
                        conv(weights, fire + ".expand3x3", index + 2, expand, squeeze, 3, 1, 1)));
                index += 3;
                inputChannels = 2 * expand;
            }
            ConvLayer classifier = conv(weights, "classifier", 25, 1000, 512, 1, 1, 0);
            // Channels-last order was measured on the CPU, whose max pooling is the reason for it; a
            // graphics card keeps the usual order.
            ImageNetNormalization normalization = new ImageNetNormalization(manager, dataType, !device.isGpu());
            return new SqueezeNetBackbone(manager, normalization, conv0, List.copyOf(fires), classifier);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static ConvLayer conv(WeightSet weights, String layer, int index, long out, long in, long kernel,
                                  int stride, int padding) throws IOException {
        String stem = "squeezenet0_conv" + index;
        return weights.conv(layer, stem + "_weight", stem + "_bias", out, in, kernel, stride, padding);
    }

    @Override
    public BackboneKind kind() {
        return BackboneKind.SQUEEZENET1_1;
    }

    @Override
    public List<String> taps() {
        return BackboneKind.SQUEEZENET1_1.taps();
    }

    @Override
    public Map<String, NDArray> features(NDArray rgb, Set<String> wanted) {
        int deepest = Backbone.deepestTap(taps(), wanted, "SqueezeNet 1.1");
        Map<String, NDArray> result = new LinkedHashMap<>();
        if (deepest < 0) {
            return result;
        }
        NDArray normalized = normalization.apply(rgb);
        NDArray x = conv0.forwardRelu(normalized);
        normalized.close();
        keep(result, wanted, "conv0", x);
        for (int i = 0; i < deepest; i++) {
            if (i == 0 || i == 2 || i == 4) {
                NDArray pooled = maxPool(x);
                Backbone.release(x, result);
                x = pooled;
            }
            NDArray input = x;
            x = fires.get(i).forward(input);
            Backbone.release(input, result);
            keep(result, wanted, "fire" + (i + 1), x);
        }
        return result;
    }

    /** Class scores (before softmax) over the 1000 ImageNet classes, for checking the weights. */
    NDArray logits(NDArray rgb) {
        NDArray x = features(rgb, Set.of("fire8")).get("fire8");
        return classifier.forwardRelu(x).mean(new int[] {3}).mean(new int[] {2});
    }

    private static NDArray maxPool(NDArray x) {
        return Pool.maxPool2d(x, new Shape(3, 3), new Shape(2, 2), new Shape(0, 0), true);
    }

    private static void keep(Map<String, NDArray> result, Set<String> wanted, String tap, NDArray value) {
        if (wanted.contains(tap)) {
            result.put(tap, Backbone.asFloat32(value));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
