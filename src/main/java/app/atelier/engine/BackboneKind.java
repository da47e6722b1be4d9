package app.atelier.engine;

import java.util.List;

/**
 * The pretrained feature networks Atelier can optimise against, with the taps each offers and the
 * layer choice that gives a good picture without tuning. Pure data: nothing here touches DJL, so
 * the window can list layers before any weights are loaded.
 */
public enum BackboneKind {
    SQUEEZENET1_1(
            "squeezenet1_1",
            "SqueezeNet 1.1",
            List.of("conv0", "fire1", "fire2", "fire3", "fire4", "fire5", "fire6", "fire7", "fire8"),
            List.of("fire1"),
            // Equal shares: under CostMode.NORMALIZED every layer's term is a relative error, so the
            // layers no longer need weights that even out their magnitudes.
            List.of(new StyleLayer("conv0", 1), new StyleLayer("fire2", 1),
                    new StyleLayer("fire3", 1), new StyleLayer("fire4", 1))),
    VGG19(
            "vgg19",
            "VGG19",
            List.of("conv1_1", "conv1_2", "conv2_1", "conv2_2",
                    "conv3_1", "conv3_2", "conv3_3", "conv3_4",
                    "conv4_1", "conv4_2", "conv4_3", "conv4_4",
                    "conv5_1", "conv5_2", "conv5_3", "conv5_4"),
            List.of("conv4_2"),
            // Gatys et al.'s five layers with equal shares (see SQUEEZENET1_1).
            List.of(new StyleLayer("conv1_1", 1), new StyleLayer("conv2_1", 1),
                    new StyleLayer("conv3_1", 1), new StyleLayer("conv4_1", 1),
                    new StyleLayer("conv5_1", 1)));

    private final String id;
    private final String displayName;
    private final List<String> taps;
    private final List<String> defaultContentLayers;
    private final List<StyleLayer> defaultStyleLayers;

    BackboneKind(String id, String displayName, List<String> taps,
                 List<String> defaultContentLayers, List<StyleLayer> defaultStyleLayers) {
        this.id = id;
        this.displayName = displayName;
        this.taps = taps;
        this.defaultContentLayers = defaultContentLayers;
        this.defaultStyleLayers = defaultStyleLayers;
    }

    /** The name used on the command line, in presets and as the weights folder/file stem. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Tap names in network order, shallowest first. */
    public List<String> taps() {
        return taps;
    }

    public List<String> defaultContentLayers() {
        return defaultContentLayers;
    }

    public List<StyleLayer> defaultStyleLayers() {
        return defaultStyleLayers;
    }

    public static BackboneKind fromId(String id) {
        for (BackboneKind kind : values()) {
            if (kind.id.equalsIgnoreCase(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown backbone '" + id + "'; choose one of squeezenet1_1, vgg19");
    }
}
