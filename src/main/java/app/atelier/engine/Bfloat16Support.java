package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether bfloat16 arithmetic pays on a device. On a CPU it does only with native instructions
 * (AVX-512 BF16 or AMX): without them libtorch converts every value back and forth and the
 * backbone gets slower, not faster. CUDA devices do bfloat16 in libtorch.
 *
 * <p>Only Linux tells reliably (the flags in /proc/cpuinfo); every other CPU counts as without.
 */
public final class Bfloat16Support {

    /** Flags of CPUs that multiply bfloat16 natively: Zen 4 and Cooper Lake on have the first, Sapphire Rapids both. */
    private static final Set<String> NATIVE_FLAGS = Set.of("avx512_bf16", "amx_bf16");
    private static final Pattern FLAGS_LINE = Pattern.compile("^flags\\s*:(.*)$", Pattern.MULTILINE);

    /** This machine's CPU, read once. */
    private static final class Machine {
        static final boolean CPU_NATIVE = readCpu();
    }

    /**
     * {@code -Datelier.precision=bfloat16} runs every job's backbone in bfloat16, native or not, and
     * {@code =float32} none: the bench's lever (bench/levers.sh), which overrides each job's
     * {@link RenderQuality#bfloat16()}. docs/performance.md says what bfloat16 gains and how its pictures differ.
     */
    public static final String PRECISION_PROPERTY = "atelier.precision";

    private Bfloat16Support() {
    }

    /**
     * The backbone's data type for a job that did or did not ask for bfloat16, where bfloat16 is or
     * is not native: bfloat16 only where both, unless {@link #PRECISION_PROPERTY} forces one.
     */
    static DataType precision(boolean asked, boolean nativeHere) {
        String forced = System.getProperty(PRECISION_PROPERTY);
        if (forced != null) {
            return "bfloat16".equals(forced) ? DataType.BFLOAT16 : DataType.FLOAT32;
        }
        return asked && nativeHere ? DataType.BFLOAT16 : DataType.FLOAT32;
    }

    /**
     * Whether a request for bfloat16 is turned down ({@link #precision} gives float32 although it was
     * asked for): the one rule behind the job's fall-back and the warning the user sees before it starts.
     */
    static boolean refused(boolean asked, boolean nativeHere) {
        return asked && !nativeHere && System.getProperty(PRECISION_PROPERTY) == null;
    }

    /** Whether this machine's CPU has native bfloat16 instructions; false where that cannot be told. */
    public static boolean cpuHasNative() {
        return Machine.CPU_NATIVE;
    }

    /**
     * Whether the window may offer bfloat16 for a device choice without loading the engine. AUTO counts as
     * the CPU: which way it resolves is only known once PyTorch has looked for a graphics card.
     */
    public static boolean offeredFor(ComputeDevice device) {
        return offeredFor(device, cpuHasNative());
    }

    static boolean offeredFor(ComputeDevice device, boolean cpuNative) {
        return device == ComputeDevice.GPU || cpuNative;
    }

    /** Whether a job on {@code device} (already resolved) runs its backbone faster in bfloat16. */
    static boolean on(Device device) {
        return device.isGpu() || cpuHasNative();
    }

    /** Whether a /proc/cpuinfo text lists a native bfloat16 flag (the first processor's flags speak for all). */
    static boolean cpuInfoHasNative(String cpuinfo) {
        var flags = FLAGS_LINE.matcher(cpuinfo);
        if (!flags.find()) {
            return false;
        }
        for (String flag : flags.group(1).trim().split("\\s+")) {
            if (NATIVE_FLAGS.contains(flag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean readCpu() {
        if (!LinuxLibc.isLinux()) {
            return false;
        }
        try {
            return cpuInfoHasNative(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
