package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.engine.BackboneKind;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.WeightsSearchPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --download} fetches missing weights before rendering; here from a server on this
 * machine (or a closed port standing for no network), never from the internet.
 */
class RenderDownloadTest {

    @TempDir
    Path folder;

    Path content;
    Path style;
    Path models;
    Path out;

    @BeforeEach
    void createInputs() throws IOException {
        content = folder.resolve("content.png");
        style = folder.resolve("style.png");
        int[] pixels = new int[16];
        Arrays.fill(pixels, 0xFF336699);
        PngWriter.write(new RgbImage(4, 4, pixels), content, Map.of());
        PngWriter.write(new RgbImage(4, 4, pixels), style, Map.of());
        models = Files.createDirectory(folder.resolve("models"));
        out = folder.resolve("out.png");
    }

    private CliRun render(String mirror) {
        return CliRun.of("render", "--content", content.toString(), "--style", style.toString(),
                "--out", out.toString(), "--weights", models.toString(), "--download", "--download-mirror", mirror);
    }

    @Test
    void withoutANetworkItFailsSayingHowToGoOn() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = render("http://127.0.0.1:" + closedPort + "/models/");

        assertThat(run.exitCode()).isEqualTo(AtelierCommand.EXIT_FAILURE);
        assertThat(run.err()).contains("SqueezeNet 1.1 is missing; downloading it into " + models);
        assertThat(run.errLines().get(run.errLines().size() - 1))
                .startsWith("Error: could not get the squeezenet1_1 weights")
                .contains("cannot reach 127.0.0.1")
                .contains("atelier models import")
                .contains("--weights PATH");
        assertThat(out).doesNotExist();
        assertThat(WeightsSearchPath.findIn(models, BackboneKind.SQUEEZENET1_1)).isEmpty();
    }

    @Test
    void aFileThatIsNotThePublishedOneIsRejectedAndNothingIsKept() throws IOException {
        // The published size, so that the download runs and the whole-file hash is what refuses it.
        byte[] notTheWeights = new byte[Math.toIntExact(BackboneCatalogue.entry(BackboneKind.SQUEEZENET1_1).downloadBytes())];
        new java.util.Random(3).nextBytes(notTheWeights);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, notTheWeights.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(notTheWeights);
            }
        });
        server.start();
        try {
            CliRun run = render("http://127.0.0.1:" + server.getAddress().getPort() + "/models");

            assertThat(requests.get()).isPositive();
            assertThat(run.exitCode()).isEqualTo(AtelierCommand.EXIT_FAILURE);
            assertThat(run.err()).contains("MB/s");
            assertThat(run.errLines().get(run.errLines().size() - 1))
                    .startsWith("Error: could not get the squeezenet1_1 weights")
                    .containsIgnoringCase("sha-256");
            assertThat(out).doesNotExist();
            try (Stream<Path> left = Files.walk(models)) {
                assertThat(left.filter(Files::isRegularFile).toList()).as("nothing that looks like weights is left").isEmpty();
            }
        } finally {
            server.stop(0);
        }
    }
}
