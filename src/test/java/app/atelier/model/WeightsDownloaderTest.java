package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP server on the loopback interface, which misbehaves on request. */
@Timeout(120)
class WeightsDownloaderTest {

    private static final int SIZE = 3 * 1024 * 1024 + 123;

    @TempDir
    Path dir;

    private HttpServer server;
    private byte[] file;
    private String fileHash;
    /** The Range header of each request, "" when none. */
    private final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
    /** The If-Range header of each request, "" when none. */
    private final List<String> ifRanges = Collections.synchronizedList(new ArrayList<>());
    /** How many of the next full responses are cut off halfway. */
    private final AtomicInteger cutsLeft = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        file = new byte[SIZE];
        new Random(42).nextBytes(file);
        fileHash = Sha256.of(file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/weights.bin", exchange -> serve(exchange, file));
        byte[] other = file.clone();
        other[SIZE / 2] ^= 1;
        server.createContext("/tampered.bin", exchange -> serve(exchange, other));
        server.createContext("/missing.bin", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/no-length.bin", exchange -> {
            // Length 0 means chunked: no Content-Length, and far more than the expected size.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 4; i++) {
                    body.write(file);
                }
            } catch (IOException clientHungUp) {
                // The downloader stops reading once it has more than it asked for.
            }
        });
        server.createContext("/stalls.bin", exchange -> {
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file, 0, 1000);
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private void serve(HttpExchange exchange, byte[] content) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
        ifRanges.add(ifRange == null ? "" : ifRange);
        exchange.getResponseHeaders().add("ETag", "\"v1\"");
        int start = 0;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            start = Integer.parseInt(range.substring(6, range.length() - 1));
            exchange.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - start);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        OutputStream body = exchange.getResponseBody();
        if (cutsLeft.getAndDecrement() > 0) {
            body.write(content, start, (content.length - start) / 2);
            body.flush();
            // A handler that fails makes the server drop the connection mid-body, as a flaky network does.
            throw new IOException("cut on purpose");
        }
        body.write(content, start, content.length - start);
        body.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private WeightsDownloader.Request request(String path, Optional<String> hash, int attempts) {
        return new WeightsDownloader.Request(url(path), dir.resolve("weights.bin"), hash, SIZE, attempts);
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws IOException {
        List<DownloadProgress> events = Collections.synchronizedList(new ArrayList<>());
        Path result = new WeightsDownloader().download(request("/weights.bin", Optional.of(fileHash), 1),
                events::add, new CancelSignal());

        assertThat(result).isEqualTo(dir.resolve("weights.bin"));
        assertThat(Files.readAllBytes(result)).isEqualTo(file);
        assertThat(WeightsDownloader.partFile(result)).doesNotExist();
        assertThat(events).isNotEmpty();
        DownloadProgress last = events.get(events.size() - 1);
        assertThat(last.receivedBytes()).isEqualTo(SIZE);
        assertThat(last.totalBytes()).isEqualTo(SIZE);
        assertThat(last.complete()).isTrue();
        assertThat(last.bytesPerSecond()).isPositive();
        assertThat(last.remaining()).isPresent();
        assertThat(events).extracting(DownloadProgress::receivedBytes).isSorted();
    }

    @Test
    void aHashPrefixIsNotEnough() {
        // torchvision's file names carry 8 hex digits of the hash: 32 bits, cheap to forge for a mirror.
        assertThatThrownBy(() -> new WeightsDownloader().download(request("/weights.bin", Optional.of(fileHash.substring(0, 8)), 1),
                DownloadListener.NONE, new CancelSignal()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("SHA-256");
        assertThat(dir.resolve("weights.bin")).doesNotExist();
    }

    @Test
    void cutTransferIsResumedWithARangeRequest() throws IOException {
        cutsLeft.set(1);
        WeightsDownloader downloader = new WeightsDownloader();

        assertThatThrownBy(() -> downloader.download(request("/weights.bin", Optional.of(fileHash), 1),
                DownloadListener.NONE, new CancelSignal()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("run the download again to resume");
        Path part = WeightsDownloader.partFile(dir.resolve("weights.bin"));
        assertThat(dir.resolve("weights.bin")).doesNotExist();
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(SIZE);

        Path result = downloader.download(request("/weights.bin", Optional.of(fileHash), 1),
                DownloadListener.NONE, new CancelSignal());

        assertThat(ranges).containsExactly("", "bytes=" + kept + "-");
        assertThat(Files.readAllBytes(result)).isEqualTo(file);
        assertThat(part).doesNotExist();
    }

    @Test
    void resumeAsksForTheRestOnlyOfTheSameVersion() throws IOException {
        cutsLeft.set(1);
        WeightsDownloader downloader = new WeightsDownloader();
        assertThatThrownBy(() -> downloader.download(request("/weights.bin", Optional.of(fileHash), 1),
                DownloadListener.NONE, new CancelSignal())).isInstanceOf(IOException.class);

        downloader.download(request("/weights.bin", Optional.of(fileHash), 1), DownloadListener.NONE, new CancelSignal());

        // If-Range: a server whose file changed since sends all of the new one instead of a mixed file.
        assertThat(ifRanges).containsExactly("", "\"v1\"");
        assertThat(dir.resolve("weights.bin.part.etag")).doesNotExist();
    }

    @Test
    void aResponseWithoutLengthIsCutAtTheExpectedSize() {
        assertThatThrownBy(() -> new WeightsDownloader().download(request("/no-length.bin", Optional.of(fileHash), 1),
                DownloadListener.NONE, new CancelSignal()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("more than " + SIZE + " bytes");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aFileOfAnotherSizeThanPublishedIsRefusedBeforeDownloading() {
        var request = new WeightsDownloader.Request(url("/weights.bin"), dir.resolve("weights.bin"),
                Optional.of(fileHash), SIZE - 1, 1);
        assertThatThrownBy(() -> new WeightsDownloader().download(request, DownloadListener.NONE, new CancelSignal()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(SIZE + " bytes")
                .hasMessageContaining("expected " + (SIZE - 1));
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void retriesResumeWithinOneCall() throws IOException {
        cutsLeft.set(2);
        Path result = new WeightsDownloader().download(request("/weights.bin", Optional.of(fileHash), 3),
                DownloadListener.NONE, new CancelSignal());
        assertThat(ranges).hasSize(3);
        assertThat(ranges.get(1)).startsWith("bytes=");
        assertThat(Files.readAllBytes(result)).isEqualTo(file);
    }

    @Test
    void wrongBytesAreRejectedAndNothingIsLeft() {
        assertThatThrownBy(() -> new WeightsDownloader().download(request("/tampered.bin", Optional.of(fileHash), 1),
                DownloadListener.NONE, new CancelSignal()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("SHA-256")
                .hasMessageContaining(fileHash)
                .hasMessageContaining("deleted");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void cancelLeavesNothingThatLooksComplete() throws IOException {
        CancelSignal cancel = new CancelSignal();
        assertThatThrownBy(() -> new WeightsDownloader().download(request("/weights.bin", Optional.of(fileHash), 3),
                progress -> cancel.cancel(), cancel))
                .isInstanceOf(DownloadCancelledException.class)
                .hasMessageContaining("cancelled");
        assertThat(dir.resolve("weights.bin")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(name -> name.endsWith(".part") || name.endsWith(".part.etag"));
        }
        assertThat(ranges).hasSize(1);
    }

    @Test
    void serverErrorsAndRefusedSourcesGiveTheWayOut() {
        assertThatThrownBy(() -> new WeightsDownloader().download(request("/missing.bin", Optional.empty(), 2),
                DownloadListener.NONE, new CancelSignal()))
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("models import");
        var insecure = new WeightsDownloader.Request(URI.create("http://example.com/w.pth"), dir.resolve("w.pth"),
                Optional.empty(), 0, 1);
        assertThatThrownBy(() -> new WeightsDownloader().download(insecure, DownloadListener.NONE, new CancelSignal()))
                .hasMessageContaining("only fetched over https");
    }

    @Test
    void aConnectionThatStopsSendingFailsInsteadOfHanging() throws IOException {
        WeightsDownloader downloader = new WeightsDownloader(java.net.http.HttpClient.newHttpClient(), java.time.Duration.ofMillis(300));
        assertThatThrownBy(() -> downloader.download(request("/stalls.bin", Optional.of(fileHash), 1),
                DownloadListener.NONE, new CancelSignal()))
                .hasMessageContaining("no data arrived for 300 ms")
                .hasMessageContaining("run the download again to resume");
        assertThat(dir.resolve("weights.bin")).doesNotExist();
        assertThat(Files.size(WeightsDownloader.partFile(dir.resolve("weights.bin")))).isEqualTo(1000);
    }

    @Test
    void noServerMeansOfflineWithTheWayOut() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var request = new WeightsDownloader.Request(URI.create("http://127.0.0.1:" + closedPort + "/w.pth"),
                dir.resolve("w.pth"), Optional.empty(), 0, 1);
        assertThatThrownBy(() -> new WeightsDownloader().download(request, DownloadListener.NONE, new CancelSignal()))
                .hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageContaining("atelier models import FILE");
    }

    @Test
    void notEnoughFreeSpaceIsRefusedBeforeDownloading() {
        var huge = new WeightsDownloader.Request(url("/weights.bin"), dir.resolve("weights.bin"), Optional.empty(),
                Long.MAX_VALUE / 4, 1);
        assertThatThrownBy(() -> new WeightsDownloader().download(huge, DownloadListener.NONE, new CancelSignal()))
                .hasMessageContaining("Not enough free space");
        assertThat(ranges).isEmpty();
        assertThat(dir.toFile().list()).isEmpty();
    }
}
