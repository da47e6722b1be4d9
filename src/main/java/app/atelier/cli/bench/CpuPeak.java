package app.atelier.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The CPU's theoretical fp32 peak, cores × clock × FLOPs per cycle, with the assumptions stated.
 *
 * <p>FLOPs per cycle per core = FMA units (assumed 2) × fp32 lanes of the datapath × 2 (an FMA is a
 * multiply and an add). The datapath is 512 bits with AVX-512, except on AMD before Zen 5 (family
 * 25 and lower), which executes AVX-512 on 256-bit units; 256 bits with AVX2+FMA; else 128 bits
 * and no FMA. The clock is the one measured with every core busy ({@link CoreClock}); the "cpu MHz"
 * of /proc/cpuinfo is only the fallback, as it is often a base clock below what the cores run at.
 */
public record CpuPeak(int cores, double megahertz, int datapathBits, boolean fma, boolean bf16, String model,
                      String assumptions) {

    public double gflops() {
        int lanes = datapathBits / 32;
        int flopsPerLanePerUnit = fma ? 2 : 1;
        return cores * megahertz / 1000.0 * 2 * lanes * flopsPerLanePerUnit;
    }

    /** Measures the all-core clock and reads /proc/cpuinfo; {@code cores} is how many the computation uses. */
    public static CpuPeak measure(int cores) {
        return detect(cores, CoreClock.allCoreMegahertz(cores));
    }

    /** Reads /proc/cpuinfo and takes the clock measured earlier, or cpuinfo's when none was. */
    public static CpuPeak detect(int cores, OptionalDouble measuredMegahertz) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return new CpuPeak(cores, 0, 256, true, false, "unknown", "no /proc/cpuinfo: peak unknown");
        }
        String flags = field(lines, "flags");
        String vendor = field(lines, "vendor_id");
        String model = field(lines, "model name");
        double cpuinfoMegahertz = parse(field(lines, "cpu MHz"));
        double megahertz = measuredMegahertz.orElse(cpuinfoMegahertz);
        String clock = measuredMegahertz.isPresent()
                ? String.format(Locale.ROOT, "measured with %d cores busy; cpuinfo says %.0f", cores, cpuinfoMegahertz)
                : "cpuinfo";
        int family = (int) parse(field(lines, "cpu family"));
        List<String> flagList = List.of(flags.split("\\s+"));
        boolean avx512 = flagList.contains("avx512f");
        boolean fma = flagList.contains("fma");
        boolean avx2 = flagList.contains("avx2");
        boolean bf16 = flagList.contains("avx512_bf16") || flagList.contains("amx_bf16");
        boolean amdHalfWidth = vendor.contains("AMD") && family <= 25;
        int bits = avx512 && !amdHalfWidth ? 512 : (avx2 || avx512) && fma ? 256 : 128;
        String assumptions = String.format(Locale.ROOT,
                "%d cores x %.0f MHz (%s) x 2 FMA units x %d fp32 lanes (%s%s) x %d FLOP",
                cores, megahertz, clock, bits / 32, avx512 ? "avx512f" : avx2 ? "avx2" : "sse",
                avx512 && amdHalfWidth ? " on 256-bit AMD units" : "", fma ? 2 : 1);
        return new CpuPeak(cores, megahertz, bits, fma, bf16, model, assumptions);
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
