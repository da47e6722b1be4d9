package app.atelier.image;

import java.io.IOException;

/** A picture that could not be read; the message names the file and the reason, for the user. */
public class ImageLoadException extends IOException {
    public ImageLoadException(String message) {
        super(message);
    }

    public ImageLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
