package app.atelier.ui.notify;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * Shows the studio's messages as a bar over the picture, which stays as it is. Information fades
 * after a few seconds; warnings and errors stay until the user closes them. Long messages wrap
 * (the bar grows) rather than end in an ellipsis; a message's {@link UserMessage.Action} becomes a
 * button. FX thread only.
 */
public final class NotificationView extends NotificationPane {

    private static final Duration INFO_TIME = Duration.seconds(5);
    private static final double ICON_WIDTH = 20;
    private static final double ICON_GAP = 10;
    private static final double MIN_TEXT_WIDTH = 200;
    private final PauseTransition autoHide = new PauseTransition(INFO_TIME);
    private final Consumer<UserMessage.Action> actions;

    /** @param actions carries out a message's action when its button is pressed (FX thread) */
    public NotificationView(Node content, MessageCenter messages, Consumer<UserMessage.Action> actions) {
        super(content);
        this.actions = actions;
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
        getActions().clear();
        if (message.action() != UserMessage.Action.NONE) {
            getActions().add(new Action(message.action().label(), event -> {
                hide();
                actions.accept(message.action());
            }));
        }
        show("", wrapping(message, icon));
        if (message.level() == UserMessage.Level.INFO) {
            autoHide.playFromStart();
        } else {
            autoHide.stop();
        }
    }

    /**
     * The bar's own label keeps to one line and cuts the text off; a wrapping label as the graphic
     * (with the icon) shows all of it. The bar sizes itself from its content's preferred height at
     * an unknown width, which for wrapped text is one line, so the label's minimum height is set to
     * the wrapped text's measured height and the bar grows to that.
     */
    private Label wrapping(UserMessage message, FontIcon icon) {
        Label text = new Label(message.text(), icon);
        text.setId("notification-text");
        text.setWrapText(true);
        text.setGraphicTextGap(ICON_GAP);
        text.setMaxWidth(Double.MAX_VALUE);
        DoubleBinding width = Bindings.createDoubleBinding(
                () -> Math.max(MIN_TEXT_WIDTH, getWidth() - actionsWidth(message)), widthProperty());
        text.prefWidthProperty().bind(width);
        Text measure = new Text(message.text());
        text.minHeightProperty().bind(Bindings.createDoubleBinding(() -> {
            measure.setFont(text.getFont());
            measure.setWrappingWidth(width.get() - ICON_WIDTH - ICON_GAP);
            return Math.ceil(measure.getLayoutBounds().getHeight()) + 4;
        }, width, text.fontProperty()));
        return text;
    }

    /** Room left for the close button, the action's button and the bar's padding. */
    private static double actionsWidth(UserMessage message) {
        return message.action() == UserMessage.Action.NONE ? 90 : 90 + 20 + 9 * message.action().label().length();
    }
}
