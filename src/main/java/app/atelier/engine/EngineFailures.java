package app.atelier.engine;

import ai.djl.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Tells the failures a job can expect (unreadable or damaged weights, a diverging cost, too little
 * memory), which the user can act on from one line, from bugs, which need their stack trace.
 */
final class EngineFailures {

    private EngineFailures() {
    }

    /** Whether {@code e} is a failure the user causes or can fix, rather than a bug. */
    static boolean expected(Throwable e) {
        return e instanceof OptimisationLoop.DivergedException
                || e instanceof IOException
                || e instanceof UncheckedIOException
                || outOfMemory(e);
    }

    /** The line the user sees for {@code e}. */
    static String describe(Throwable e) {
        if (outOfMemory(e)) {
            return "Out of memory: try a smaller output size or a lighter backbone.";
        }
        String message = e.getMessage();
        return message != null && !message.isBlank() ? message : "Unexpected engine error: " + e;
    }

    /** Java's heap, or libtorch's allocator (CPU: "can't allocate memory"; CUDA: "out of memory"). */
    private static boolean outOfMemory(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return true;
        }
        if (!(e instanceof EngineException) || e.getMessage() == null) {
            return false;
        }
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("out of memory") || message.contains("can't allocate memory")
                || message.contains("not enough memory");
    }
}
