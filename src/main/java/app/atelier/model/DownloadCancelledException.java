package app.atelier.model;

import java.io.IOException;

/** The user stopped a download; nothing that looks complete was left behind. */
public class DownloadCancelledException extends IOException {
    public DownloadCancelledException(String message) {
        super(message);
    }
}
