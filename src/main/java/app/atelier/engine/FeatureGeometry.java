package app.atelier.engine;

import java.util.Collection;

/**
 * How small a picture a backbone can take: each convolution and pooling shrinks it, and a tap
 * with no positions left makes PyTorch fail with a message no user can act on. The arithmetic
 * follows {@link SqueezeNetBackbone#features} and {@link Vgg19Backbone}.
 */
final class FeatureGeometry {

    /** VGG19 taps after which a 2x2 pooling halves the picture (the last conv of blocks 1-4). */
    private static final int[] VGG_POOL_AFTER = {1, 3, 7, 11};

    private FeatureGeometry() {
    }

    /** The smallest width and height (px) at which every one of {@code taps} still has a position. */
    static int smallestSide(BackboneKind backbone, Collection<String> taps) {
        int deepest = taps.stream().mapToInt(backbone.taps()::indexOf).max().orElse(0);
        int side = 1;
        while (!fits(backbone, deepest, side)) {
            side++;
        }
        return side;
    }

    private static boolean fits(BackboneKind backbone, int deepest, int side) {
        return switch (backbone) {
            case SQUEEZENET1_1 -> squeezeNetFits(deepest, side);
            case VGG19 -> side >> vggPoolsBefore(deepest) >= 1;
        };
    }

    /** conv0 is 3x3 stride 2 without padding; fire1, fire3 and fire5 follow a 3x3/2 ceil-mode max pool. */
    private static boolean squeezeNetFits(int deepest, int side) {
        int size = (side - 3) / 2 + 1;
        if (side < 3) {
            return false;
        }
        for (int fire = 0; fire < deepest; fire++) {
            if (fire == 0 || fire == 2 || fire == 4) {
                size = ceilModePool(size);
                if (size < 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** PyTorch's output size for kernel 3, stride 2, ceil mode, no padding. */
    private static int ceilModePool(int size) {
        int out = Math.floorDiv(size - 3 + 1, 2) + 1;
        // A last window that would start beyond the input is dropped.
        if ((out - 1) * 2 >= size) {
            out--;
        }
        return out;
    }

    private static int vggPoolsBefore(int tap) {
        int pools = 0;
        for (int after : VGG_POOL_AFTER) {
            if (after < tap) {
                pools++;
            }
        }
        return pools;
    }
}
