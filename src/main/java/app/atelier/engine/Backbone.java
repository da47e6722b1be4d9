package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A frozen pretrained CNN with named taps. Its weights live in its own manager and never require
 * gradients, so backpropagation reaches only the image. Not thread-safe for closing, but
 * {@link #features} may be called from any one thread at a time.
 */
interface Backbone extends AutoCloseable {

    BackboneKind kind();

    /** Tap names in network order, shallowest first. */
    List<String> taps();

    /**
     * Runs the network on {@code rgb} (shape [1, 3, H, W], RGB in [0, 1]) including its own
     * preprocessing, only as deep as the deepest of {@code wanted}; the result arrays belong to
     * {@code rgb}'s manager.
     *
     * @throws IllegalArgumentException when a wanted tap does not exist
     */
    Map<String, NDArray> features(NDArray rgb, Set<String> wanted);

    /** Frees the weights. */
    @Override
    void close();

    /**
     * Closes an intermediate activation once the next layer has consumed it, unless it is one of the
     * returned taps. Autograd keeps its own reference to whatever backward needs; the Java handle
     * would only keep the memory until the iteration's scope closes, past the peak of backward.
     */
    static void release(NDArray consumed, Map<String, NDArray> taps) {
        for (NDArray tap : taps.values()) {
            if (tap == consumed) {
                return;
            }
        }
        consumed.close();
    }

    /**
     * A tap as the costs take it: float32. A bfloat16 backbone's activations are cast (a new
     * array; the bfloat16 one goes on to the next layer and is released like any intermediate).
     */
    static NDArray asFloat32(NDArray tap) {
        return Bfloat16Casts.isBfloat16(tap) ? Bfloat16Casts.toFloat32(tap) : tap;
    }

    /** The index of the deepest wanted tap, rejecting unknown names with the list of valid ones. */
    static int deepestTap(List<String> taps, Set<String> wanted, String networkName) {
        int deepest = -1;
        for (String name : wanted) {
            int index = taps.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("unknown layer '" + name + "' for " + networkName
                        + "; choose from " + String.join(", ", taps));
            }
            deepest = Math.max(deepest, index);
        }
        return deepest;
    }
}
