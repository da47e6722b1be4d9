package app.atelier.tooling;

import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Waiting in a scripted walk through the window without blocking the FX thread: each step is
 * run later by an animation timer. FX thread only; the steps run on it too.
 */
public final class FxWaits {

    private static final Duration POLL = Duration.millis(200);

    private FxWaits() {
    }

    /** Runs {@code step} after {@code delay}; the timer returned can be restarted or stopped, as a watchdog is. */
    public static PauseTransition after(Duration delay, Runnable step) {
        PauseTransition pause = new PauseTransition(delay);
        pause.setOnFinished(event -> step.run());
        pause.play();
        return pause;
    }

    public static void after(double seconds, Runnable step) {
        after(Duration.seconds(seconds), step);
    }

    /** Runs {@code then} as soon as {@code condition} holds, checking it every 200 ms. */
    public static void waitUntil(BooleanSupplier condition, Runnable then) {
        if (condition.getAsBoolean()) {
            then.run();
        } else {
            after(POLL, () -> waitUntil(condition, then));
        }
    }
}
