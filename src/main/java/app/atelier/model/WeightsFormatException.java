package app.atelier.model;

import java.io.IOException;

/** A weights file that cannot be used; the message names the file (and tensor) and what is wrong. */
public class WeightsFormatException extends IOException {
    public WeightsFormatException(String message) {
        super(message);
    }

    public WeightsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
