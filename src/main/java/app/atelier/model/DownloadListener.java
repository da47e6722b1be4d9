package app.atelier.model;

/** Hears how a download goes. */
@FunctionalInterface
public interface DownloadListener {

    DownloadListener NONE = progress -> { };

    /**
     * Called on the thread that runs the download, about ten times a second at most and once when
     * all bytes are in; it must return quickly (a UI hands the value to its own thread).
     */
    void progress(DownloadProgress progress);

    /** Called on the thread that runs the download when it moves to {@code stage}. */
    default void stage(DownloadStage stage) {
    }
}
