package app.atelier.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * torchvision's state-dict key for each tensor of a backbone's kept weights. VGG19 is kept under
 * torchvision's own names; SqueezeNet is kept under the Gluon/ONNX names of the shared .npy folder,
 * so a torchvision SqueezeNet checkpoint is renamed on import.
 */
final class TorchvisionNames {

    /** torchvision's {@code features} index of each Fire module, fire1 … fire8. */
    private static final int[] SQUEEZENET_FIRE_INDICES = {3, 4, 6, 7, 9, 10, 11, 12};

    private TorchvisionNames() {
    }

    /** Kept name → torchvision name for SqueezeNet 1.1. */
    static Map<String, String> squeezenet() {
        Map<String, String> names = new LinkedHashMap<>();
        put(names, 0, "features.0");
        int conv = 1;
        for (int fire : SQUEEZENET_FIRE_INDICES) {
            for (String part : new String[] {"squeeze", "expand1x1", "expand3x3"}) {
                put(names, conv++, "features." + fire + "." + part);
            }
        }
        put(names, 25, "classifier.1");
        return names;
    }

    private static void put(Map<String, String> names, int conv, String torchvisionPrefix) {
        names.put("squeezenet0_conv" + conv + "_weight", torchvisionPrefix + ".weight");
        names.put("squeezenet0_conv" + conv + "_bias", torchvisionPrefix + ".bias");
    }
}
