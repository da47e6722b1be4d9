package app.atelier.model;

import app.atelier.files.DurableFiles;
import app.atelier.files.WriteSteps;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads one weights file safely: into {@code NAME.part} beside the target, resuming a partial
 * file with an HTTP Range request (with If-Range, so that a file changed on the server is fetched
 * whole instead of mixed), checking free space first, never taking more bytes than the published
 * size, and checking size and whole SHA-256 before the file is synced and moved into place under
 * its final name. A crash, a cut connection or a cancel therefore never leaves a file that looks
 * complete; a {@code .part} file is kept so that the next try resumes it, and is deleted when its
 * content proves wrong.
 */
public final class WeightsDownloader implements AutoCloseable {

    /**
     * @param source        an https URL (plain http only to this machine, for tests)
     * @param target        where the verified file goes
     * @param sha256        the expected whole SHA-256 (a prefix never matches); empty to skip the check
     * @param expectedBytes the file's exact size, refused otherwise; 0 when unknown ({@link #MAX_UNKNOWN_BYTES} caps it)
     * @param attempts      how many times to try, resuming each time, before giving up
     */
    public record Request(URI source, Path target, Optional<String> sha256, long expectedBytes, int attempts) {
        public Request {
            if (attempts < 1) {
                throw new IllegalArgumentException("attempts must be at least 1");
            }
        }
    }

    /** The most taken from a server when the size is not known: more than any backbone Atelier uses. */
    public static final long MAX_UNKNOWN_BYTES = 2L * 1024 * 1024 * 1024;

    /** Beside the part file: the server's validator (ETag or Last-Modified) of the version it holds. */
    private static final String VALIDATOR_SUFFIX = ".etag";

    /** Space kept free beyond the download itself, so the disk is not filled to the last byte. */
    private static final long SPARE_BYTES = 16L * 1024 * 1024;
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

    /** How long a transfer may go without a byte before it counts as failed (and is resumed). */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);


    private final HttpClient client;
    private final Duration stallTimeout;
    /** Started by the first transfer, ended by {@link #close()}; guarded by this. */
    private ScheduledExecutorService watchdog;

    public WeightsDownloader() {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20))
                .build(), DEFAULT_STALL_TIMEOUT);
    }

    /**
     * @param stallTimeout java.net.http has no read timeout for a response body, so a connection
     *                     that stops sending would block for ever; after this long without data
     *                     the body is closed and the attempt fails
     */
    public WeightsDownloader(HttpClient client, Duration stallTimeout) {
        this.client = client;
        this.stallTimeout = stallTimeout;
    }

    /** The thread that closes stalled transfers, started when first needed. */
    private synchronized ScheduledExecutorService watchdog() {
        if (watchdog == null) {
            watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "atelier-download-watchdog");
                thread.setDaemon(true);
                return thread;
            });
        }
        return watchdog;
    }

    /** Ends the stall watchdog's thread; a later transfer starts a new one. */
    @Override
    public synchronized void close() {
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
    }

    /** Where an unfinished download of {@code target} is kept. */
    public static Path partFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /**
     * Downloads, verifies and moves the file into place; blocks the calling thread until done.
     *
     * @param listener hears progress on the calling thread
     * @throws DownloadCancelledException when {@code cancel} fires
     * @throws WeightsFormatException     when the bytes are not the expected file (the part is deleted)
     * @throws IOException                when the transfer fails; the message says how to go on
     */
    public Path download(Request request, DownloadListener listener, CancelSignal cancel) throws IOException {
        checkSource(request.source());
        Path target = request.target();
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path part = partFile(target);
        listener.stage(DownloadStage.DOWNLOADING);
        IOException lastFailure = null;
        for (int attempt = 1; attempt <= request.attempts(); attempt++) {
            try {
                transfer(request, part, listener, cancel);
                lastFailure = null;
                break;
            } catch (DownloadCancelledException e) {
                throw e;
            } catch (WeightsFormatException e) {
                // Not the published file: nothing of it is worth resuming.
                discard(part);
                throw e;
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    throw cancelled(request, part);
                }
                lastFailure = e;
            }
        }
        if (lastFailure != null) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            throw new IOException("Could not download " + request.source() + " (" + describe(lastFailure, request.source()) + ")."
                    + (have > 0 ? " " + have + " bytes are kept in " + part + "; run the download again to resume." : "")
                    + " Without a network connection, get the file another way and import it"
                    + " (atelier models import FILE).", lastFailure);
        }
        listener.stage(DownloadStage.VERIFYING);
        try {
            verify(request, part);
        } catch (WeightsFormatException e) {
            discard(part);
            throw e;
        }
        Files.deleteIfExists(validatorFile(part));
        DurableFiles.force(part, WriteSteps.NONE);
        DurableFiles.moveIntoPlace(part, target, WriteSteps.NONE);
        DurableFiles.syncFolder(target.toAbsolutePath().getParent(), WriteSteps.NONE);
        return target;
    }

    private static Path validatorFile(Path part) {
        return part.resolveSibling(part.getFileName() + VALIDATOR_SUFFIX);
    }

    private static void discard(Path part) throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(validatorFile(part));
    }

    /** The most bytes the file may have: its published size, or {@link #MAX_UNKNOWN_BYTES} when unknown. */
    private static long sizeCap(Request request) {
        return request.expectedBytes() > 0 ? request.expectedBytes() : MAX_UNKNOWN_BYTES;
    }

    private static void checkOfferedSize(Request request, long total) throws WeightsFormatException {
        if (total < 0) {
            return;
        }
        if (request.expectedBytes() > 0 && total != request.expectedBytes()) {
            throw new WeightsFormatException("The file at " + request.source() + " has " + total + " bytes, expected "
                    + request.expectedBytes() + " (the published size); it is not the published file and was not downloaded.");
        }
        if (total > MAX_UNKNOWN_BYTES) {
            throw new WeightsFormatException("The file at " + request.source() + " has " + total + " bytes, more than"
                    + " any weights Atelier uses; it was not downloaded.");
        }
    }

    private void transfer(Request request, Path part, DownloadListener listener, CancelSignal cancel) throws IOException {
        if (cancel.isCancelled()) {
            throw cancelled(request, part);
        }
        long have = Files.exists(part) ? Files.size(part) : 0;
        checkFreeSpace(part, request.expectedBytes() > 0 ? request.expectedBytes() - have : 0);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.source())
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "Atelier")
                .GET();
        Path validator = validatorFile(part);
        if (have > 0) {
            builder.header("Range", "bytes=" + have + "-");
            // Without a validator the resumed bytes could come from a newer file; the hash check
            // would then refuse the mix, so resuming stays safe, only wasteful.
            if (Files.isRegularFile(validator)) {
                builder.header("If-Range", Files.readString(validator).strip());
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadCancelledException("Download of " + request.source() + " interrupted");
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            long start;
            long total;
            long contentLength = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (status == 206 && have > 0) {
                Matcher range = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    // A range other than asked for cannot be appended; start over on the next attempt.
                    Files.deleteIfExists(part);
                    throw new IOException("the server sent an unexpected range");
                }
                start = have;
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
            } else if (status == 200) {
                // The whole file: the first request, a server without ranges, or a changed file (If-Range).
                start = 0;
                total = contentLength;
                rememberValidator(response, validator);
            } else if (status == 416 && have > 0) {
                // Nothing left to send: the part is already whole. The hash check decides.
                return;
            } else {
                throw new IOException("the server answered HTTP " + status);
            }
            checkOfferedSize(request, total);
            if (total > 0) {
                checkFreeSpace(part, total - start);
            }
            copy(body, part, start, total, listener, cancel, request);
            long size = Files.size(part);
            if (total >= 0 && size < total) {
                throw new IOException("the connection ended after " + size + " of " + total + " bytes");
            }
        }
    }

    /** Keeps the response's strong validator for If-Range on a resume; weak ones cannot be used there. */
    private static void rememberValidator(HttpResponse<?> response, Path validator) throws IOException {
        Optional<String> etag = response.headers().firstValue("ETag").filter(tag -> !tag.startsWith("W/"));
        Optional<String> value = etag.or(() -> response.headers().firstValue("Last-Modified"));
        if (value.isPresent() && value.get().length() < 1024 && value.get().chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            Files.writeString(validator, value.get());
        } else {
            Files.deleteIfExists(validator);
        }
    }

    private void copy(InputStream body, Path part, long start, long total, DownloadListener listener,
                      CancelSignal cancel, Request request) throws IOException {
        long cap = sizeCap(request);
        Runnable closeBody = () -> {
            try {
                body.close();
            } catch (IOException ignored) {
                // The read it unblocks reports the cancel.
            }
        };
        cancel.whenCancelled(closeBody);
        AtomicLong lastData = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long checkMillis = Math.max(50, stallTimeout.toMillis() / 4);
        ScheduledFuture<?> watchdog = watchdog().scheduleWithFixedDelay(() -> {
            if (System.nanoTime() - lastData.get() > stallTimeout.toNanos() && stalled.compareAndSet(false, true)) {
                closeBody.run();
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        StandardOpenOption mode = start > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            long began = System.nanoTime();
            long lastReport = 0;
            long received = start;
            byte[] buffer = new byte[1 << 16];
            boolean first = true;
            while (true) {
                if (cancel.isCancelled()) {
                    throw cancelled(request, part);
                }
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    if (cancel.isCancelled()) {
                        throw cancelled(request, part);
                    }
                    if (stalled.get()) {
                        throw new IOException("no data arrived for " + stallDescription(), e);
                    }
                    throw e;
                }
                if (n < 0) {
                    if (stalled.get()) {
                        throw new IOException("no data arrived for " + stallDescription());
                    }
                    break;
                }
                lastData.set(System.nanoTime());
                if (received + n > cap) {
                    // A server that sends no length (or lies about it) must not fill the disk.
                    throw new WeightsFormatException("The server at " + request.source() + " sent more than " + cap
                            + " bytes" + (request.expectedBytes() > 0 ? ", the published size" : "")
                            + "; it is not the published file and was deleted.");
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                received += n;
                long now = System.nanoTime();
                if (first || now - lastReport >= PROGRESS_INTERVAL_NANOS) {
                    listener.progress(progress(received, start, total, began, now));
                    lastReport = now;
                    first = false;
                }
            }
            listener.progress(progress(received, start, total, began, System.nanoTime()));
            // On disk before it is verified and renamed: a crash after the rename must not leave
            // a complete-looking name over blocks the file system never wrote.
            out.force(true);
        } finally {
            watchdog.cancel(false);
            cancel.forget(closeBody);
        }
    }

    private String stallDescription() {
        return stallTimeout.toMillis() < 1000 ? stallTimeout.toMillis() + " ms" : stallTimeout.toSeconds() + " s";
    }

    private static DownloadProgress progress(long received, long start, long total, long began, long now) {
        double seconds = Math.max(1e-3, (now - began) / 1e9);
        double rate = (received - start) / seconds;
        Optional<Duration> remaining = Optional.empty();
        if (total > 0 && rate > 0) {
            remaining = Optional.of(Duration.ofMillis((long) (Math.max(0, total - received) / rate * 1000)));
        }
        return new DownloadProgress(received, total, rate, remaining);
    }

    private static void verify(Request request, Path part) throws IOException {
        long size = Files.size(part);
        if (request.expectedBytes() > 0 && size != request.expectedBytes()) {
            throw new WeightsFormatException("The file downloaded from " + request.source() + " is not the published one:"
                    + " it has " + size + " bytes, expected " + request.expectedBytes()
                    + ". It was deleted; try again later or import a file you trust.");
        }
        if (request.sha256().isEmpty()) {
            return;
        }
        String expected = request.sha256().get();
        String actual = Sha256.of(part);
        if (!Sha256.matches(actual, expected)) {
            throw new WeightsFormatException("The file downloaded from " + request.source() + " is not the published one:"
                    + " its SHA-256 is " + actual + ", expected " + expected
                    + ". It was deleted; try again later or import a file you trust.");
        }
    }

    private static void checkFreeSpace(Path part, long needed) throws IOException {
        if (needed <= 0) {
            return;
        }
        long usable = Files.getFileStore(part.toAbsolutePath().getParent()).getUsableSpace();
        if (usable < needed + SPARE_BYTES) {
            throw new IOException(String.format(Locale.ROOT,
                    "Not enough free space in %s: the download needs %.1f MB, only %.1f MB are free."
                            + " Free some space and try again.",
                    part.toAbsolutePath().getParent(), needed / 1e6, usable / 1e6));
        }
    }

    private static void checkSource(URI source) throws IOException {
        String scheme = source.getScheme() == null ? "" : source.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        // Plain http only to this machine (tests), named literally so that no name lookup is needed.
        String host = source.getHost() == null ? "" : source.getHost();
        if (scheme.equals("http") && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
            return;
        }
        throw new IOException("Refusing to download " + source + ": weights are only fetched over https");
    }

    private static DownloadCancelledException cancelled(Request request, Path part) {
        return new DownloadCancelledException("Download of " + request.source() + " cancelled; the partial file "
                + part.getFileName() + " is kept to resume later");
    }

    private static String describe(Throwable e, URI source) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "cannot reach " + source.getHost() + ": offline, or blocked by a firewall or proxy";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return source.getHost() + " did not answer in time";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
