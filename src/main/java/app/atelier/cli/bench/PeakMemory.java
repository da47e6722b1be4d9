package app.atelier.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's peak resident memory (VmHWM) from /proc/self/status. Linux only; the kernel
 * cannot reset it, which is why each configuration runs in a fresh JVM.
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** Peak resident set in bytes, or empty where /proc is unavailable. */
    public static OptionalLong peakBytes() {
        return statusField("VmHWM:");
    }

    /** Current resident set in bytes, or empty where /proc is unavailable. */
    public static OptionalLong residentBytes() {
        return statusField("VmRSS:");
    }

    private static OptionalLong statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
