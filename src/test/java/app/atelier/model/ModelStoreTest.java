package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class ModelStoreTest {

    @TempDir
    Path dir;

    private ModelStore store(List<Path> searchFolders) {
        return new ModelStore(new WeightsSearchPath(searchFolders), dir.resolve("user-models"), new WeightsDownloader());
    }

    @Test
    void missingBackbonesSayWhereWasLookedAndWhatToDo() {
        ModelStore store = store(List.of(dir.resolve("empty")));
        ModelStatus vgg = store.status(BackboneKind.VGG19);
        assertThat(vgg.state()).isEqualTo(ModelState.MISSING);
        assertThat(vgg.location()).isEmpty();
        assertThat(vgg.detail()).contains(dir.resolve("empty").toString()).contains("models download vgg19");
        assertThat(store.status(BackboneKind.SQUEEZENET1_1).detail()).contains("models import");
    }

    @Test
    void sharedSqueezenetIsPresentThroughTheSearchPath() {
        Path models = TestData.squeezenet().getParent();
        ModelStatus status = store(List.of(models)).status(BackboneKind.SQUEEZENET1_1);
        assertThat(status.state()).as(status.detail()).isEqualTo(ModelState.PRESENT);
        assertThat(status.location()).contains(TestData.squeezenet());
    }

    @Test
    void importVerifyDetectDamageAndRemove() throws IOException {
        ModelStore store = store(List.of());
        Path source = VggFixtures.sharedVgg19();

        ModelStatus imported = store.importFrom(source, Optional.empty());

        assertThat(imported.kind()).isEqualTo(BackboneKind.VGG19);
        assertThat(imported.state()).as(imported.detail()).isEqualTo(ModelState.PRESENT);
        Path installed = store.installFolder().resolve("vgg19.safetensors");
        assertThat(store.status(BackboneKind.VGG19).location()).contains(installed);

        // Flip one weight byte: shapes still fit, so only the hash check sees it.
        try (FileChannel channel = FileChannel.open(installed, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = channel.size() - 1000;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, at);
        }
        assertThat(store.status(BackboneKind.VGG19).state()).isEqualTo(ModelState.PRESENT);
        ModelStatus verified = store.verify(BackboneKind.VGG19);
        assertThat(verified.state()).isEqualTo(ModelState.CORRUPT);
        assertThat(verified.detail()).contains("SHA-256").contains("download or import VGG19 again");

        store.remove(BackboneKind.VGG19);
        assertThat(store.status(BackboneKind.VGG19).state()).isEqualTo(ModelState.MISSING);
        try (var left = Files.list(store.installFolder())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void truncatedInstalledFileIsCorrupt() throws IOException {
        ModelStore store = store(List.of());
        store.importFrom(VggFixtures.sharedVgg19(), Optional.of(BackboneKind.VGG19));
        Path installed = store.installFolder().resolve("vgg19.safetensors");
        try (FileChannel channel = FileChannel.open(installed, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        }
        ModelStatus status = store.status(BackboneKind.VGG19);
        assertThat(status.state()).isEqualTo(ModelState.CORRUPT);
        assertThat(status.detail()).contains("truncated");
    }

    @Test
    void removeLeavesSharedFoldersAlone() {
        Path models = TestData.squeezenet().getParent();
        ModelStore store = store(List.of(models));
        assertThatThrownBy(() -> store.remove(BackboneKind.SQUEEZENET1_1))
                .hasMessageContaining("not installed in")
                .hasMessageContaining("left alone");
        assertThat(TestData.squeezenet()).exists();
    }

    @Test
    void aBackboneWithoutSourceSaysHowToImport() {
        CatalogueEntry squeezenet = BackboneCatalogue.entry(BackboneKind.SQUEEZENET1_1);
        CatalogueEntry importOnly = new CatalogueEntry(BackboneKind.SQUEEZENET1_1, squeezenet.description(), List.of(),
                0, Optional.empty(), squeezenet.installedBytes(), squeezenet.licence(), squeezenet.fileHashes(), "Import only.");
        ModelStore store = new ModelStore(new WeightsSearchPath(List.of()), dir.resolve("user-models"),
                new WeightsDownloader(), kind -> importOnly);
        assertThatThrownBy(() -> store.downloadNow(BackboneKind.SQUEEZENET1_1, DownloadListener.NONE, new CancelSignal()))
                .hasMessageContaining("no download source").hasMessageContaining("Import only");
        assertThat(store.status(BackboneKind.SQUEEZENET1_1).detail()).contains("models import PATH --as squeezenet1_1");
    }

    /** A server on the loopback interface publishing one file under torchvision's naming. */
    private record Publisher(HttpServer server, URI url, String hash) implements AutoCloseable {
        static Publisher of(Path file, String stem) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String hash = Sha256.of(bytes);
            String prefix = hash.substring(0, 8);
            String path = "/models/" + stem + "-" + prefix + ".pth";
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(path, exchange -> {
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return new Publisher(server, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), hash);
        }

        CatalogueEntry entry(BackboneKind kind, long size) {
            CatalogueEntry real = BackboneCatalogue.entry(kind);
            return new CatalogueEntry(kind, real.description(), List.of(url), size, Optional.of(hash),
                    real.installedBytes(), real.licence(), real.fileHashes(), real.note());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void downloadFromALocalServerConvertsAndKeepsOnlyTheConvolutions() throws Exception {
        Path published = VggFixtures.sharedVgg19();
        long size = Files.size(published);
        try (Publisher publisher = Publisher.of(published, "vgg19")) {
            ModelStore store = new ModelStore(new WeightsSearchPath(List.of()), dir.resolve("user-models"),
                    new WeightsDownloader(), kind -> publisher.entry(kind, size));
            List<DownloadProgress> events = Collections.synchronizedList(new ArrayList<>());

            List<DownloadStage> stages = Collections.synchronizedList(new ArrayList<>());
            DownloadListener listener = new DownloadListener() {
                @Override
                public void progress(DownloadProgress progress) {
                    events.add(progress);
                }

                @Override
                public void stage(DownloadStage stage) {
                    stages.add(stage);
                }
            };

            Path installed = store.downloadNow(BackboneKind.VGG19, listener, new CancelSignal());

            assertThat(stages).containsExactly(DownloadStage.DOWNLOADING, DownloadStage.VERIFYING, DownloadStage.INSTALLING);

            assertThat(installed).isEqualTo(store.installFolder().resolve("vgg19.safetensors"));
            assertThat(SafetensorsReader.readAll(installed).keySet()).containsExactlyElementsOf(BackboneArchitecture.VGG19.names());
            assertThat(events.get(events.size() - 1).receivedBytes()).isEqualTo(Files.size(published));
            assertThat(store.verify(BackboneKind.VGG19).state()).isEqualTo(ModelState.PRESENT);
            try (var left = Files.walk(store.installFolder())) {
                assertThat(left.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("vgg19.safetensors", "vgg19.safetensors.sha256");
            }
        }
    }

    @Test
    void backgroundDownloadOfTorchvisionSqueezenetIsRenamedToTheNpyLayout() throws Exception {
        Random random = new Random(3);
        List<NamedTensor> tensors = new ArrayList<>();
        Map<String, String> torchvision = TorchvisionNames.squeezenet();
        for (TensorSpec spec : BackboneArchitecture.SQUEEZENET1_1.tensors()) {
            tensors.add(VggFixtures.random(torchvision.get(spec.name()), random, spec.shape()));
        }
        Path published = dir.resolve("squeezenet.safetensors");
        SafetensorsWriter.write(published, tensors);
        long size = Files.size(published);
        try (Publisher publisher = Publisher.of(published, "squeezenet1_1")) {
            ModelStore store = new ModelStore(new WeightsSearchPath(List.of()), dir.resolve("user-models"),
                    new WeightsDownloader(), kind -> publisher.entry(kind, size));
            List<String> threads = Collections.synchronizedList(new ArrayList<>());

            DownloadTask task = store.download(BackboneKind.SQUEEZENET1_1, p -> threads.add(Thread.currentThread().getName()));
            Path installed = task.result().get(60, TimeUnit.SECONDS);

            assertThat(installed).isEqualTo(store.installFolder().resolve("squeezenet1_1"));
            assertThat(threads).isNotEmpty().allMatch(name -> name.equals("atelier-weights-download"));
            ModelStatus status = store.status(BackboneKind.SQUEEZENET1_1);
            assertThat(status.state()).as(status.detail()).isEqualTo(ModelState.PRESENT);
            assertThat(status.detail()).contains("recorded when it was imported").doesNotContain("catalogue's");
        }
    }

    @Test
    void backgroundDownloadReportsFailureThroughItsFuture() throws Exception {
        Path published = dir.resolve("published.bin");
        Files.write(published, new byte[4096]);
        try (Publisher publisher = Publisher.of(published, "vgg19")) {
            CatalogueEntry wrongPrefix = new CatalogueEntry(BackboneKind.VGG19, "", List.of(publisher.url()), 0,
                    Optional.of("0".repeat(64)), 0, "", Map.of(), "");
            ModelStore store = new ModelStore(new WeightsSearchPath(List.of()), dir.resolve("user-models"),
                    new WeightsDownloader(), kind -> wrongPrefix);
            DownloadTask task = store.download(BackboneKind.VGG19, DownloadListener.NONE);
            assertThatThrownBy(() -> task.result().get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("not the published one");
            assertThat(store.status(BackboneKind.VGG19).state()).isEqualTo(ModelState.MISSING);
        }
    }
}
