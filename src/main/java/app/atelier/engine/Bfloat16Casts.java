package app.atelier.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Casts between float32 and bfloat16 for the backbone's bfloat16 mode.
 *
 * <p>Why not {@code NDArray.toType(DataType.BFLOAT16)}: DJL 0.36's PyTorch JNI maps DJL's data
 * types 0–8 to libtorch's and answers any other (BFLOAT16 is 11) with a bare {@code throw;}
 * outside any handler, which calls {@code std::terminate}: the JVM dies with "terminate called
 * without an active exception" (Bfloat16CastCrashTest reproduces it in a child JVM). Two tiny
 * TorchScript modules (tools/make_bfloat16_casts.py, in the jar beside this class) do the cast
 * inside libtorch instead, so no data type crosses the JNI. They run in DJL's training mode: that
 * records the cast for autograd (so the gradient reaches the float32 picture), and inference
 * mode's tensors could not be saved for backward. DJL reports a bfloat16 array's data type as
 * UNKNOWN; nothing here asks it for more.
 */
final class Bfloat16Casts {

    private Bfloat16Casts() {
    }

    /** {@code x} in bfloat16, on its manager; recorded by autograd. */
    static NDArray toBfloat16(NDArray x) {
        return run(Holder.TO_BFLOAT16, x);
    }

    /** {@code x} in float32, on its manager; recorded by autograd. */
    static NDArray toFloat32(NDArray x) {
        return run(Holder.TO_FLOAT32, x);
    }

    /** Whether {@code x} is bfloat16: DJL reads libtorch's bfloat16 (and only types it cannot name) as UNKNOWN. */
    static boolean isBfloat16(NDArray x) {
        return x.getDataType() == DataType.UNKNOWN;
    }

    private static NDArray run(Model cast, NDArray x) {
        NDArray result = cast.getBlock().forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
                .singletonOrThrow();
        result.attach(x.getManager());
        return result;
    }

    /** Loads the modules on first use; they hold no tensors and live as long as the JVM. */
    private static final class Holder {
        static final Model TO_BFLOAT16 = load("to_bfloat16");
        static final Model TO_FLOAT32 = load("to_float32");

        private static Model load(String name) {
            Model model = Model.newInstance(name, Device.cpu(), "PyTorch");
            try (InputStream in = Bfloat16Casts.class.getResourceAsStream(name + ".pt")) {
                if (in == null) {
                    throw new IllegalStateException(name + ".pt is missing from the jar");
                }
                model.load(in);
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (MalformedModelException e) {
                throw new IllegalStateException("cannot load " + name + ".pt: " + e.getMessage(), e);
            }
        }
    }
}
