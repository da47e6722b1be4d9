package app.atelier.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few C library calls the engine tunes the process with, on Linux only: elsewhere, or where
 * libc cannot be loaded (logged once), callers get nothing and skip their setting.
 */
final class LinuxLibc {

    private static final Logger LOG = LoggerFactory.getLogger(LinuxLibc.class);

    private LinuxLibc() {
    }

    /** {@code who = 0} means the calling thread on Linux. */
    interface CLibrary extends Library {
        int setpriority(int which, int who, int priority);

        int getpriority(int which, int who);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        /** glibc's allocator parameters: 1 on success. */
        int mallopt(int parameter, int value);

        /** Returns free memory at the top of every arena to the system: 1 if any was released. */
        int malloc_trim(long pad);
    }

    static Optional<CLibrary> get() {
        return isLinux() ? Holder.C : Optional.empty();
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** Loads libc on first use only, and once. */
    private static final class Holder {
        static final Optional<CLibrary> C = load();

        private static Optional<CLibrary> load() {
            try {
                return Optional.of(Native.load("c", CLibrary.class));
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.warn("native process settings unavailable: {}", e.toString());
                return Optional.empty();
            }
        }
    }
}
