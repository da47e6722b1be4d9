package app.atelier.ui.notify;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The latest message for the user; the window shows it as a notification bar over the picture. */
public final class MessageCenter {

    private final ReadOnlyObjectWrapper<UserMessage> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    public ReadOnlyObjectProperty<UserMessage> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    /** Shows {@code message}; may be called from any thread (hands over to the FX thread). */
    public void post(UserMessage message) {
        if (Platform.isFxApplicationThread()) {
            // Re-posting an equal message must still show it again after the user closed it.
            latest.set(null);
            latest.set(message);
        } else {
            Platform.runLater(() -> post(message));
        }
    }

    /** Hides the current message. FX thread only. */
    public void dismiss() {
        latest.set(null);
    }
}
