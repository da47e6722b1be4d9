package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.TestData;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code render --out} may write: a new file or a regular file that is none of the inputs,
 * in a folder that takes files; checked before any weights load, so the refusals need none.
 */
class RenderOutputTest {

    @TempDir
    Path folder;

    Path content;
    Path style;
    Path weights;

    @BeforeEach
    void createInputs() throws IOException {
        content = folder.resolve("content.png");
        style = folder.resolve("style.png");
        int[] pixels = new int[12];
        Arrays.fill(pixels, 0xFF336699);
        PngWriter.write(new RgbImage(4, 3, pixels), content, Map.of());
        PngWriter.write(new RgbImage(4, 3, pixels), style, Map.of());
        weights = Files.createDirectory(folder.resolve("squeezenet1_1"));
    }

    private CliRun render(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("render", "--content", content.toString(),
                "--style", style.toString(), "--out", out.toString(), "--weights", weights.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertRefused(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("Error: ").contains(fragments);
    }

    @Test
    void outputThatIsTheStylePictureIsRefusedAndTheStyleKept() throws IOException {
        byte[] painting = Files.readAllBytes(style);

        CliRun run = render(style);

        assertRefused(run, "--out", "style.png", "--style", "overwritten");
        assertThat(Files.readAllBytes(style)).isEqualTo(painting);
    }

    @Test
    void outputThatIsTheContentUnderAnotherSpellingIsRefused() {
        Path sameFile = folder.resolve("squeezenet1_1").resolve("..").resolve("content.png");

        CliRun run = render(sameFile);

        assertRefused(run, "--content", "overwritten");
    }

    @Test
    void symbolicLinkIsRefusedAndItsTargetKept() throws IOException {
        Path precious = Files.writeString(folder.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(folder.resolve("out.png"), precious);

        CliRun run = render(link);

        assertRefused(run, "symbolic link");
        assertThat(precious).hasContent("keep me");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void deviceIsRefused() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device));

        CliRun run = render(device);

        assertRefused(run, "/dev/null", "device");
    }

    @Test
    void folderIsRefused() throws IOException {
        Path target = Files.createDirectory(folder.resolve("out.png"));

        assertRefused(render(target), "is a folder");
    }

    @Test
    void readOnlyExistingFileIsRefused() throws IOException {
        Path target = Files.writeString(folder.resolve("done.png"), "an earlier render");
        assumeTrue(Files.getFileStore(target).supportsFileAttributeView("posix"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));

        CliRun run = render(target);

        assertRefused(run, "read-only");
        assertThat(target).hasContent("an earlier render");
    }

    @Test
    void folderThatTakesNoFilesIsRefusedBeforeAnyWork() {
        // /proc refuses new files even to root, for whom permission bits do not count.
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc));

        // The weights folder is empty: before, this run got as far as "weights not found".
        CliRun run = render(proc.resolve("out.png"));

        assertRefused(run, "cannot write in the folder of --out", "/proc");
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndLiveOnesKept() throws IOException {
        long deadPid = ProcessHandle.current().pid() + 1_000_000;
        Path killed = Files.writeString(folder.resolve(".out-0050.png-" + deadPid + "-k3x9.tmp"), "half");
        Path killedFinal = Files.writeString(folder.resolve(".out.png-" + deadPid + "-a1b2.tmp"), "half");
        Path live = Files.writeString(folder.resolve(".out.png-" + ProcessHandle.current().pid() + "-zz.tmp"), "busy");
        Path other = Files.writeString(folder.resolve(".other.png-" + deadPid + "-q.tmp"), "not ours");
        Files.setLastModifiedTime(killed, FileTime.fromMillis(0));

        // Weights are missing so the run stops early, after the output checks.
        render(folder.resolve("out.png"));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .doesNotContain(killed.getFileName().toString(), killedFinal.getFileName().toString())
                    .contains(live.getFileName().toString(), other.getFileName().toString());
        }
    }

    @Test
    void leftoversAreRemovedByARealRenderAndNoneAreLeft() throws IOException {
        Path models = TestData.squeezenet();
        Path out = folder.resolve("out.png");
        Files.writeString(folder.resolve(".out-0002.png-" + (ProcessHandle.current().pid() + 1_000_000) + "-x.tmp"), "half");

        CliRun run = CliRun.of("render", "--content", TestData.image("dog.jpg").toString(),
                "--style", TestData.image("scream.jpg").toString(), "--out", out.toString(),
                "--weights", models.toString(), "--size", "32", "--iterations", "2", "--save-every", "1",
                "--quiet", "--device", "cpu");

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"))
                    .contains("out.png", "out-0001.png", "out-0002.png");
        }
    }

    @Test
    void tinyContentRendersWithOneWarningLine() throws IOException {
        Path tiny = folder.resolve("tiny.png");
        PngWriter.write(new RgbImage(1, 1, new int[] {0xFF336699}), tiny, Map.of());
        Path out = folder.resolve("out.png");

        // Before: the 1x1 photo silently became a 32x32 picture.
        CliRun run = CliRun.of("render", "--content", tiny.toString(), "--style", TestData.image("scream.jpg").toString(),
                "--out", out.toString(), "--weights", TestData.squeezenet().toString(), "--size", "32",
                "--iterations", "1", "--device", "cpu");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().filter(line -> line.startsWith("Warning: ")))
                .singleElement().asString().contains("1x1", "32 times");
        assertThat(out).exists();
    }

    @Test
    void fullDiskEndsWithOneLineAndLeavesNoFile() throws Exception {
        Path full = Files.createDirectory(folder.resolve("full"));
        // A 12 KB file system: only root may mount one, so elsewhere the test is skipped.
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=12k", "tmpfs", full.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor() == 0, "cannot mount a small file system here");
        try {
            Path out = full.resolve("out.png");
            CliRun run = CliRun.of("render", "--content", TestData.image("dog.jpg").toString(),
                    "--style", TestData.image("scream.jpg").toString(), "--out", out.toString(),
                    "--weights", TestData.squeezenet().toString(), "--size", "128", "--iterations", "1",
                    "--quiet", "--device", "cpu");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.errLines()).singleElement().asString().contains("out.png", "disk is full");
            try (Stream<Path> files = Files.list(full)) {
                assertThat(files).isEmpty();
            }
        } finally {
            new ProcessBuilder("umount", full.toString()).start().waitFor();
        }
    }
}
