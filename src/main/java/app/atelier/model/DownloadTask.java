package app.atelier.model;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * A download running in the background.
 *
 * @param result completes on the download thread with the installed weights, or exceptionally
 *               with the failure ({@link DownloadCancelledException} after {@link #cancel()})
 */
public record DownloadTask(CompletableFuture<Path> result, CancelSignal signal) {

    /** Asks the download to stop; safe from any thread. */
    public void cancel() {
        signal.cancel();
    }
}
