package app.atelier.ui.notify;

/** Something the window tells the user: what happened and what to do about it. */
public record UserMessage(Level level, String text) {

    public enum Level { INFO, WARNING, ERROR }

    public static UserMessage info(String text) {
        return new UserMessage(Level.INFO, text);
    }

    public static UserMessage warning(String text) {
        return new UserMessage(Level.WARNING, text);
    }

    public static UserMessage error(String text) {
        return new UserMessage(Level.ERROR, text);
    }
}
