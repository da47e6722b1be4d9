package app.atelier.model;

/** What a download is doing, for a status line beside its progress bar. */
public enum DownloadStage {
    /** Bytes are arriving; {@link DownloadListener#progress} follows them. */
    DOWNLOADING,
    /** All bytes are in; their SHA-256 is being checked (seconds for VGG19's 548 MB). */
    VERIFYING,
    /** Checked; the tensors Atelier keeps are being written into place. */
    INSTALLING
}
