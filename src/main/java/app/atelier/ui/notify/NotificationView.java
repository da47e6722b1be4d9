package app.atelier.ui.notify;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * Shows the studio's messages as a bar over the picture, which stays as it is. Information fades
 * after a few seconds; warnings and errors stay until the user closes them. FX thread only.
 */
public final class NotificationView extends NotificationPane {

    private static final Duration INFO_TIME = Duration.seconds(5);
    private final PauseTransition autoHide = new PauseTransition(INFO_TIME);

    public NotificationView(Node content, MessageCenter messages) {
        super(content);
        setId("notifications");
        setShowFromTop(true);
        autoHide.setOnFinished(event -> hide());
        messages.latestProperty().addListener((obs, old, message) -> {
            if (message != null) {
                show(message);
            }
        });
    }

    private void show(UserMessage message) {
        getStyleClass().removeAll("info", "warning", "error");
        getStyleClass().add(message.level().name().toLowerCase(java.util.Locale.ROOT));
        FontIcon icon = new FontIcon(message.level() == UserMessage.Level.INFO
                ? MaterialDesignI.INFORMATION_OUTLINE : MaterialDesignA.ALERT_OUTLINE);
        icon.getStyleClass().add("notification-icon");
        show(message.text(), icon);
        if (message.level() == UserMessage.Level.INFO) {
            autoHide.playFromStart();
        } else {
            autoHide.stop();
        }
    }
}
