package app.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.CatalogueEntry;
import app.atelier.model.ModelStore;
import app.atelier.model.Sha256;
import app.atelier.model.WeightsDownloader;
import app.atelier.model.WeightsSearchPath;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code render --download} relies on: present weights are used, missing ones fetched first. */
class FindOrDownloadTest {

    @TempDir
    Path dir;

    @Test
    void presentWeightsAreUsedWithoutDownloading() throws Exception {
        Path shared = TestData.squeezenet();
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = serve(new byte[0], requests);
        try {
            ModelStore store = new ModelStore(new WeightsSearchPath(List.of(shared.getParent())), dir,
                    new WeightsDownloader(), kind -> entry(kind, server, "0".repeat(64), 0));
            StringWriter err = new StringWriter();
            assertThat(ModelsCommand.findOrDownload(store, BackboneKind.SQUEEZENET1_1, new PrintWriter(err, true), new QuietOption()))
                    .isEqualTo(shared);
            assertThat(requests.get()).isZero();
            assertThat(err.toString()).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void missingWeightsAreDownloadedFirstWithProgress() throws Exception {
        String err = downloadMissingSqueezeNet(new QuietOption());

        assertThat(err).contains("is missing; downloading it into ").contains("MB/s");
    }

    @Test
    void quietDownloadsShowNothing() throws Exception {
        String err = downloadMissingSqueezeNet(picocli.CommandLine.populateCommand(new QuietOption(), "--quiet"));

        assertThat(err).isEmpty();
    }

    /** Downloads SqueezeNet from a server on this machine into an empty folder, checks it arrived, and returns what was shown. */
    private String downloadMissingSqueezeNet(QuietOption quiet) throws Exception {
        Path shared = TestData.squeezenet();
        // The published file: the shared weights as one .safetensors.
        Path published = dir.resolve("published.safetensors");
        List<app.atelier.model.NamedTensor> tensors = new java.util.ArrayList<>();
        for (String name : app.atelier.model.BackboneArchitecture.SQUEEZENET1_1.names()) {
            tensors.add(app.atelier.model.NpyReader.read(shared.resolve(name + ".npy")));
        }
        app.atelier.model.SafetensorsWriter.write(published, tensors);
        byte[] bytes = Files.readAllBytes(published);
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = serve(bytes, requests);
        try {
            Path install = dir.resolve("user-models");
            ModelStore store = new ModelStore(new WeightsSearchPath(List.of()), install, new WeightsDownloader(),
                    kind -> entry(kind, server, Sha256.of(bytes), bytes.length));
            StringWriter err = new StringWriter();

            Path found = ModelsCommand.findOrDownload(store, BackboneKind.SQUEEZENET1_1, new PrintWriter(err, true), quiet);

            assertThat(found).isEqualTo(install.resolve("squeezenet1_1"));
            assertThat(requests.get()).isEqualTo(1);
            assertThat(app.atelier.model.NpyReader.read(found.resolve("squeezenet0_conv0_weight.npy")).data())
                    .isEqualTo(app.atelier.model.NpyReader.read(shared.resolve("squeezenet0_conv0_weight.npy")).data());
            return err.toString();
        } finally {
            server.stop(0);
        }
    }

    private static HttpServer serve(byte[] bytes, AtomicInteger requests) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server;
    }

    private static CatalogueEntry entry(BackboneKind kind, HttpServer server, String hash, long size) {
        CatalogueEntry real = BackboneCatalogue.entry(kind);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models/" + kind.id() + "-"
                + hash.substring(0, 8) + ".pth");
        return new CatalogueEntry(kind, real.description(), List.of(url), size, Optional.of(hash),
                real.installedBytes(), real.licence(), real.fileHashes(), real.note());
    }
}
