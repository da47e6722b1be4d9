package app.atelier.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a download has got.
 *
 * @param receivedBytes  bytes on disk so far, including a resumed part
 * @param totalBytes     the whole file's size, or -1 when the server does not say
 * @param bytesPerSecond the rate of this transfer so far
 * @param remaining      the estimated time left; empty while unknown
 */
public record DownloadProgress(long receivedBytes, long totalBytes, double bytesPerSecond, Optional<Duration> remaining) {

    /** 0..1, or -1 when the total is unknown. */
    public double fraction() {
        return totalBytes > 0 ? Math.min(1.0, (double) receivedBytes / totalBytes) : -1;
    }

    public boolean complete() {
        return totalBytes >= 0 && receivedBytes >= totalBytes;
    }
}
