package app.atelier.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CpuPeakTest {

    @Test
    void aMeasuredClockReplacesTheCpuinfoClockInThePeakAndIsStated() {
        assumeTrue(Files.isReadable(Path.of("/proc/cpuinfo")), "no /proc/cpuinfo on this system");
        CpuPeak fromCpuinfo = CpuPeak.detect(2, OptionalDouble.empty());
        CpuPeak measured = CpuPeak.detect(2, OptionalDouble.of(3000));

        assertThat(measured.megahertz()).isEqualTo(3000);
        assertThat(measured.gflops()).isEqualTo(2 * 3.0 * 2 * (measured.datapathBits() / 32) * (measured.fma() ? 2 : 1));
        assertThat(measured.assumptions()).contains("3000 MHz (measured with 2 cores busy; cpuinfo says");
        assertThat(fromCpuinfo.assumptions()).contains("(cpuinfo)");
    }
}
