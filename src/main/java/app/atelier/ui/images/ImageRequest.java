package app.atelier.ui.images;

import app.atelier.image.ImageLoadException;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Something the user dropped, pasted or picked that may be a picture. Reading what was offered is
 * cheap and happens on the FX thread; {@link #load()} decodes (or downloads) and must run on a
 * background thread.
 */
public sealed interface ImageRequest {

    int THUMBNAIL_SIDE = 160;

    /** What to call the picture in messages. */
    String name();

    /** Decodes the picture. Blocking: call on a background thread only. */
    LoadedImage load() throws ImageLoadException;

    private static LoadedImage loaded(String name, Optional<Path> file, RgbImage image) {
        RgbImage thumbnail = image.longSide() > THUMBNAIL_SIDE ? ImageResizer.toLongSide(image, THUMBNAIL_SIDE) : image;
        return new LoadedImage(name, file, image, thumbnail);
    }

    /** A local file. */
    record FromFile(Path file) implements ImageRequest {
        @Override
        public String name() {
            return file.getFileName().toString();
        }

        @Override
        public LoadedImage load() throws ImageLoadException {
            return loaded(name(), Optional.of(file), ImageLoader.load(file));
        }
    }

    /** An image dragged from a web page, offered only as its address. */
    record FromUrl(String url) implements ImageRequest {
        private static final Duration TIMEOUT = Duration.ofSeconds(20);

        @Override
        public String name() {
            String path = URI.create(url).getPath();
            if (path == null || path.isBlank() || path.endsWith("/")) {
                return url;
            }
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public LoadedImage load() throws ImageLoadException {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new ImageLoadException("Cannot read " + url + ": not a valid address", e);
            }
            if ("file".equalsIgnoreCase(uri.getScheme())) {
                Path file = Path.of(uri);
                return loaded(file.getFileName().toString(), Optional.of(file), ImageLoader.load(file));
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            try {
                HttpResponse<InputStream> response = client.send(
                        HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() / 100 != 2) {
                        throw new ImageLoadException("Cannot download " + url + ": the server answered " + response.statusCode());
                    }
                    return loaded(name(), Optional.empty(), ImageLoader.load(in, name()));
                }
            } catch (IOException e) {
                if (e instanceof ImageLoadException) {
                    throw (ImageLoadException) e;
                }
                throw new ImageLoadException("Cannot download " + url + ": " + e.getMessage()
                        + ". Save the image to disk and drop the file instead.", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImageLoadException("Download of " + url + " was interrupted", e);
            } catch (IllegalArgumentException e) {
                throw new ImageLoadException("Cannot read " + url + ": only http, https and file addresses work", e);
            }
        }
    }

    /**
     * A copy the autosave kept of a picture that had no file (pasted, dropped from a browser): read
     * from the copy, but shown and remembered under its own name and without a file, so nothing
     * later points at the copy, which goes with the autosave.
     */
    record FromCopy(String name, Path copy) implements ImageRequest {
        @Override
        public LoadedImage load() throws ImageLoadException {
            return loaded(name, Optional.empty(), ImageLoader.load(copy));
        }
    }

    /** Raw image data (a browser or image editor offered pixels, not a file). */
    record FromPixels(String name, RgbImage pixels) implements ImageRequest {
        @Override
        public LoadedImage load() {
            return loaded(name, Optional.empty(), pixels);
        }
    }
}
