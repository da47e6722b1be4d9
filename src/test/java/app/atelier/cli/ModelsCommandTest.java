package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ModelsCommandTest.class.getResource("/app/atelier/model/" + name).toURI());
    }

    private CliRun models(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "models";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--models-dir";
        all[args.length + 2] = dir.resolve("models").toString();
        return CliRun.of(all);
    }

    @Test
    void listShowsEachBackboneWithStatusLocationAndSource() {
        CliRun run = models("list");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("vgg19\\s+missing")
                .containsPattern("squeezenet1_1\\s+missing")
                .contains("https://download.pytorch.org/models/vgg19-dcbb9e9d.pth")
                .contains("https://download.pytorch.org/models/squeezenet1_1-b8a52dc0.pth")
                .contains("Installs go to " + dir.resolve("models"));
    }

    @Test
    void importVerifyCorruptAndRemoveTheSharedSqueezenet() throws Exception {
        Path shared = TestData.squeezenet();

        CliRun imported = models("import", shared.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("as squeezenet1_1").containsPattern("squeezenet1_1\\s+present");

        CliRun verified = models("verify", "squeezenet1_1");
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(verified.out()).containsPattern("squeezenet1_1\\s+present");

        CliRun vggMissing = models("verify", "vgg19");
        assertThat(vggMissing.exitCode()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(vggMissing.errLines()).singleElement().asString().contains("vgg19 is missing");

        Path file = dir.resolve("models/squeezenet1_1/squeezenet0_conv20_bias.npy");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
        CliRun corrupt = models("verify");
        assertThat(corrupt.exitCode()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(corrupt.errLines()).singleElement().asString()
                .contains("squeezenet1_1 is corrupt").contains("squeezenet0_conv20_bias.npy");

        CliRun removed = models("remove", "squeezenet1_1");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(models("list").out()).containsPattern("squeezenet1_1\\s+missing");
    }

    @Test
    void badImportsFailWithOneClearLine() throws Exception {
        CliRun absent = models("import", dir.resolve("nothing.pth").toString());
        assertThat(absent.exitCode()).isEqualTo(AtelierCommand.EXIT_USAGE);
        assertThat(absent.errLines()).singleElement().asString().contains("does not exist");

        CliRun wrongShape = models("import", resource("tiny.pth").toString(), "--as", "vgg19");
        assertThat(wrongShape.exitCode()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(wrongShape.errLines()).singleElement().asString()
                .contains("does not fit VGG19").contains("features.0.weight");

        CliRun malicious = models("import", resource("malicious.pth").toString(), "--as", "vgg19");
        assertThat(malicious.exitCode()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(malicious.errLines()).singleElement().asString().contains("refused").contains("posix.system");

        CliRun unknown = models("import", resource("tiny.pth").toString(), "--as", "resnet");
        assertThat(unknown.exitCode()).isEqualTo(AtelierCommand.EXIT_USAGE);
        assertThat(unknown.errLines()).singleElement().asString().contains("unknown backbone 'resnet'");
    }

    @Test
    void removeDeletesOnlyWhatAtelierInstalled() throws Exception {
        // A folder filled by someone else (a shared one): Atelier's layout, but no record of an Atelier install.
        Path foreign = dir.resolve("models");
        Path squeezenet = Files.createDirectories(foreign.resolve("squeezenet1_1"));
        try (var files = Files.list(TestData.squeezenet())) {
            for (Path file : files.toList()) {
                Files.copy(file, squeezenet.resolve(file.getFileName()));
            }
        }
        Path vgg = Files.write(foreign.resolve("vgg19.safetensors"), new byte[] {1, 2, 3});
        // A hash list the owner wrote with sha256sum is not Atelier's mark either.
        Files.writeString(foreign.resolve("vgg19.safetensors.sha256"),
                app.atelier.model.Sha256.of(vgg) + "  vgg19.safetensors\n");

        for (String name : new String[] {"squeezenet1_1", "vgg19"}) {
            CliRun run = models("remove", name);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(AtelierCommand.EXIT_FAILURE);
            assertThat(run.errLines()).singleElement().asString()
                    .contains("was not installed by Atelier").contains("left alone");
        }
        assertThat(squeezenet.resolve("squeezenet0_conv0_weight.npy")).exists();
        assertThat(vgg).exists();
        assertThat(foreign.resolve("vgg19.safetensors.sha256")).exists();
    }

    @Test
    void hostileCheckpointsFailWithOneLine() throws Exception {
        Path[] hostile = {
                app.atelier.model.HostileCheckpoints.nestedTupleKey(dir.resolve("nested.pth"), 60),
                app.atelier.model.HostileCheckpoints.selfContainingListKey(dir.resolve("self-list.pth")),
                app.atelier.model.HostileCheckpoints.selfNestedStateDict(dir.resolve("self-dict.pth")),
                app.atelier.model.HostileCheckpoints.declaredStorage(dir.resolve("storage.pth"), 64L << 20,
                        new long[] {64L << 20}, new long[] {1})};
        for (Path file : hostile) {
            CliRun run = models("import", file.toString(), "--as", "vgg19");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(AtelierCommand.EXIT_FAILURE);
            assertThat(run.errLines()).as(run.err()).singleElement().asString()
                    .startsWith("Error: ").contains(file.getFileName().toString()).contains("refused");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void downloadTakesTheFilesFromAMirrorAndStillChecksThem() throws Exception {
        java.util.List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            byte[] forged = new byte[1000];
            exchange.sendResponseHeaders(200, forged.length);
            try (var body = exchange.getResponseBody()) {
                body.write(forged);
            }
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/";
            CliRun run = models("download", "squeezenet1_1", "--download-mirror", mirror);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(AtelierCommand.EXIT_FAILURE);
            assertThat(asked).containsExactly("/mirror/squeezenet1_1-b8a52dc0.pth");
            assertThat(run.errLines()).last().asString().startsWith("Error: ")
                    .contains("1000 bytes, expected 4958839").contains("not the published file");
            assertThat(models("list").out()).containsPattern("squeezenet1_1\\s+missing");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void downloadOfAnUnknownBackboneNamesTheChoices() {
        CliRun run = models("download", "alexnet");
        assertThat(run.exitCode()).isEqualTo(AtelierCommand.EXIT_USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("unknown backbone 'alexnet'").contains("vgg19");
    }

}
