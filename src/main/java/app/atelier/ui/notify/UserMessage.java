package app.atelier.ui.notify;

/**
 * Something the window tells the user: what happened and what to do about it.
 *
 * @param action what the message's button does; {@link Action#NONE} for no button
 */
public record UserMessage(Level level, String text, Action action) {

    public enum Level { INFO, WARNING, ERROR }

    /** A way out the message offers; the view decides how to carry it out (view models hold no dialogs). */
    public enum Action {
        NONE(""),
        OPEN_MODELS("Open Models…");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        /** The button's text. */
        public String label() {
            return label;
        }
    }

    public UserMessage(Level level, String text) {
        this(level, text, Action.NONE);
    }

    public static UserMessage info(String text) {
        return new UserMessage(Level.INFO, text);
    }

    public static UserMessage warning(String text) {
        return new UserMessage(Level.WARNING, text);
    }

    public static UserMessage error(String text) {
        return new UserMessage(Level.ERROR, text);
    }

    /** An error with a button that leads to the fix. */
    public static UserMessage error(String text, Action action) {
        return new UserMessage(Level.ERROR, text, action);
    }
}
