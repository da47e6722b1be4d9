package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AtelierCommandTest {

    @Test
    void versionPrintsTheProductNameAndExitsZero() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Atelier ");
    }

    @Test
    void helpListsTheRenderCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("render");
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("paint");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("paint");
    }
}
