package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import app.atelier.model.SafetensorsReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VGG19's convolutional part from a {@code .safetensors} file with torchvision's keys
 * ({@code features.N.weight} / {@code features.N.bias}); the classifier is never read. Taps are
 * the ReLU outputs conv1_1 … conv5_4; the pooling between blocks is max or average.
 */
final class Vgg19Backbone implements Backbone {

    /** Output channels of each block's convolutions, as in torchvision's configuration "E". */
    private static final int[][] BLOCKS = {{64, 64}, {128, 128}, {256, 256, 256, 256},
        {512, 512, 512, 512}, {512, 512, 512, 512}};

    private final NDManager manager;
    private final ImageNetNormalization normalization;
    private final List<ConvLayer> convs;
    /** Whether a 2x2 pooling follows conv i (the last of each block). */
    private final boolean[] poolAfter;
    private final Pooling pooling;

    private Vgg19Backbone(NDManager manager, ImageNetNormalization normalization, List<ConvLayer> convs,
                          boolean[] poolAfter, Pooling pooling) {
        this.manager = manager;
        this.normalization = normalization;
        this.convs = convs;
        this.poolAfter = poolAfter;
        this.pooling = pooling;
    }

    static Vgg19Backbone load(Path file, Pooling pooling, Device device, DataType dataType) throws IOException {
        NDManager manager = NDManager.newBaseManager(device);
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            WeightSet weights = new WeightSet(manager,
                    name -> reader.entry(name).isPresent() ? reader.read(name) : null, dataType, file.toString());
            List<ConvLayer> convs = new ArrayList<>();
            boolean[] poolAfter = new boolean[16];
            int featureIndex = 0;
            int inputChannels = 3;
            for (int block = 0; block < BLOCKS.length; block++) {
                for (int conv = 0; conv < BLOCKS[block].length; conv++) {
                    int out = BLOCKS[block][conv];
                    String layer = "conv" + (block + 1) + "_" + (conv + 1);
                    convs.add(weights.conv(layer, "features." + featureIndex + ".weight",
                            "features." + featureIndex + ".bias", out, inputChannels, 3, 1, 1));
                    featureIndex += 2; // conv, relu
                    inputChannels = out;
                }
                poolAfter[convs.size() - 1] = true;
                featureIndex += 1; // pool
            }
            return new Vgg19Backbone(manager, new ImageNetNormalization(manager, dataType, false), List.copyOf(convs),
                    poolAfter, pooling);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    @Override
    public BackboneKind kind() {
        return BackboneKind.VGG19;
    }

    @Override
    public List<String> taps() {
        return BackboneKind.VGG19.taps();
    }

    @Override
    public Map<String, NDArray> features(NDArray rgb, Set<String> wanted) {
        int deepest = Backbone.deepestTap(taps(), wanted, "VGG19");
        Map<String, NDArray> result = new LinkedHashMap<>();
        NDArray x = normalization.apply(rgb);
        for (int i = 0; i <= deepest; i++) {
            if (i > 0 && poolAfter[i - 1]) {
                NDArray pooled = pool(x);
                Backbone.release(x, result);
                x = pooled;
            }
            ConvLayer conv = convs.get(i);
            NDArray input = x;
            x = conv.forwardRelu(input);
            Backbone.release(input, result);
            if (wanted.contains(conv.name())) {
                result.put(conv.name(), Backbone.asFloat32(x));
            }
        }
        return result;
    }

    private NDArray pool(NDArray x) {
        Shape window = new Shape(2, 2);
        Shape none = new Shape(0, 0);
        return pooling == Pooling.AVG
                ? Pool.avgPool2d(x, window, window, none, false, true)
                : Pool.maxPool2d(x, window, window, none, false);
    }

    @Override
    public void close() {
        manager.close();
    }
}
