package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tensors a backbone's kept weights consist of, by name and shape, so that an imported or
 * downloaded file can be checked before it is used: a wrong or missing tensor is named.
 *
 * @param name    what to call the network in messages
 * @param tensors in network order
 */
public record BackboneArchitecture(String name, List<TensorSpec> tensors) {

    /** Indices of VGG19's convolutions in torchvision's {@code features} list, conv1_1 … conv5_4. */
    static final int[] VGG19_CONV_INDICES = {0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34};
    private static final int[] VGG19_CONV_CHANNELS = {64, 64, 128, 128, 256, 256, 256, 256,
            512, 512, 512, 512, 512, 512, 512, 512};

    /** SqueezeNet 1.1's 26 convolutions as (out, in, kernel), from the models README. */
    private static final int[][] SQUEEZENET_CONVS = {
            {64, 3, 3},
            {16, 64, 1}, {64, 16, 1}, {64, 16, 3},
            {16, 128, 1}, {64, 16, 1}, {64, 16, 3},
            {32, 128, 1}, {128, 32, 1}, {128, 32, 3},
            {32, 256, 1}, {128, 32, 1}, {128, 32, 3},
            {48, 256, 1}, {192, 48, 1}, {192, 48, 3},
            {48, 384, 1}, {192, 48, 1}, {192, 48, 3},
            {64, 384, 1}, {256, 64, 1}, {256, 64, 3},
            {64, 512, 1}, {256, 64, 1}, {256, 64, 3},
            {1000, 512, 1}};

    public static final BackboneArchitecture VGG19 = vgg19();
    public static final BackboneArchitecture SQUEEZENET1_1 = squeezenet();

    public BackboneArchitecture {
        tensors = List.copyOf(tensors);
    }

    public static BackboneArchitecture of(BackboneKind kind) {
        return switch (kind) {
            case VGG19 -> VGG19;
            case SQUEEZENET1_1 -> SQUEEZENET1_1;
        };
    }

    private static BackboneArchitecture vgg19() {
        List<TensorSpec> specs = new ArrayList<>();
        int in = 3;
        for (int i = 0; i < VGG19_CONV_INDICES.length; i++) {
            int out = VGG19_CONV_CHANNELS[i];
            String prefix = "features." + VGG19_CONV_INDICES[i];
            specs.add(new TensorSpec(prefix + ".weight", new long[] {out, in, 3, 3}));
            specs.add(new TensorSpec(prefix + ".bias", new long[] {out}));
            in = out;
        }
        return new BackboneArchitecture("VGG19 (convolutions up to conv5_4)", specs);
    }

    private static BackboneArchitecture squeezenet() {
        List<TensorSpec> specs = new ArrayList<>();
        for (int i = 0; i < SQUEEZENET_CONVS.length; i++) {
            int[] c = SQUEEZENET_CONVS[i];
            specs.add(new TensorSpec("squeezenet0_conv" + i + "_weight", new long[] {c[0], c[1], c[2], c[2]}));
            specs.add(new TensorSpec("squeezenet0_conv" + i + "_bias", new long[] {c[0]}));
        }
        return new BackboneArchitecture("SqueezeNet 1.1", specs);
    }

    public Set<String> names() {
        Map<String, TensorSpec> byName = new LinkedHashMap<>();
        tensors.forEach(t -> byName.put(t.name(), t));
        return byName.keySet();
    }

    /** The number of float values all tensors hold together. */
    public long parameterCount() {
        return tensors.stream().mapToLong(t -> NamedTensor.elementCount(t.shape())).sum();
    }

    /**
     * What is wrong with a set of tensors for this network: each missing tensor and each wrong
     * shape, one line apiece; empty when everything is there. Extra tensors are not a problem.
     */
    public List<String> problems(Map<String, long[]> shapes) {
        List<String> problems = new ArrayList<>();
        for (TensorSpec spec : tensors) {
            long[] actual = shapes.get(spec.name());
            if (actual == null) {
                problems.add("tensor '" + spec.name() + "' is missing (needs " + Arrays.toString(spec.shape()) + ")");
            } else if (!spec.matches(actual)) {
                problems.add("tensor '" + spec.name() + "' has shape " + Arrays.toString(actual) + ", needs "
                        + Arrays.toString(spec.shape()));
            }
        }
        return problems;
    }

    /** Fails with every problem listed (the first few, to keep it readable) when the tensors do not fit. */
    public void check(Map<String, long[]> shapes, String source) throws WeightsFormatException {
        List<String> problems = problems(shapes);
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 5);
            String more = problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "";
            throw new WeightsFormatException(source + " does not fit " + name + ": "
                    + String.join("; ", problems.subList(0, shown)) + more);
        }
    }
}
