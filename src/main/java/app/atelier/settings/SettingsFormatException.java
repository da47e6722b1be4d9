package app.atelier.settings;

import java.io.IOException;

/** A file that holds no Atelier settings, or settings this Atelier cannot use; the message is for the user. */
public final class SettingsFormatException extends IOException {

    public SettingsFormatException(String message) {
        super(message);
    }

    public SettingsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
