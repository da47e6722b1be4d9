package app.atelier.cli;

/** Ctrl-C hooks that commands add for the length of one long step. */
final class ShutdownHooks {

    private ShutdownHooks() {
    }

    /** Removes {@code hook} unless the JVM is already shutting down, in which case it is running and must stay. */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting (Ctrl-C): nothing to undo.
        }
    }
}
