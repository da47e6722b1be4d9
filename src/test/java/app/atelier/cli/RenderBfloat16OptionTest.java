package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.engine.Bfloat16Support;
import app.atelier.settings.SettingsCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --[no-]bfloat16}: recorded in the picture, taken again from it by --settings, overridden by the flag. */
class RenderBfloat16OptionTest {

    @TempDir
    Path folder;

    private static CliRun render(String... options) {
        List<String> args = new ArrayList<>(List.of("render", "--weights", TestData.squeezenet().toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static boolean bfloat16Of(Path picture) throws Exception {
        return SettingsCodec.read(picture).settings().quality().bfloat16();
    }

    @Test
    void theOptionIsRecordedReappliedAndSwitchedOff() throws Exception {
        Path first = folder.resolve("first.png");
        CliRun made = render("--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--out", first.toString(), "--size", "48",
                "--iterations", "2", "--scales", "1", "--device", "cpu", "--bfloat16");
        assertThat(made.exitCode()).as(made.err()).isZero();
        assertThat(bfloat16Of(first)).isTrue();
        assertThat(made.err().contains("Warning: bfloat16")).as(made.err()).isEqualTo(!Bfloat16Support.cpuHasNative());

        Path again = folder.resolve("again.png");
        CliRun repeated = render("--settings", first.toString(), "--out", again.toString(), "--quiet");
        assertThat(repeated.exitCode()).as(repeated.err()).isZero();
        assertThat(bfloat16Of(again)).isTrue();

        Path off = folder.resolve("off.png");
        CliRun switchedOff = render("--settings", first.toString(), "--no-bfloat16", "--out", off.toString(), "--quiet");
        assertThat(switchedOff.exitCode()).as(switchedOff.err()).isZero();
        assertThat(bfloat16Of(off)).isFalse();
    }

    @Test
    void offByDefaultAndListedInTheHelp() throws Exception {
        CliRun help = CliRun.of("render", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("--[no-]bfloat16 Run the network in bfloat16 arithmetic: about 30 % faster")
                .contains("runs in float32 and says so. Default: false.");
    }
}
