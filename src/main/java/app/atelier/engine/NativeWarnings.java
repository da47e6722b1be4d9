package app.atelier.engine;

import ai.djl.engine.Engine;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps libtorch's C++ warnings off the user's terminal: on a CPU without NNPACK support every
 * convolution printed "Could not initialize NNPACK! Reason: Unsupported hardware." (about 150
 * lines per run), and each run "AutoNonVariableTypeMode is deprecated", a note to DJL's authors.
 * Neither is anything the user can act on. libtorch logs through c10, which drops messages below
 * {@code FLAGS_caffe2_log_level}; that flag is raised to errors once the library is loaded.
 *
 * <p>Linux only (the flag is found through the loaded {@code libc10.so}); elsewhere nothing
 * changes. Setting {@code TORCH_CPP_LOG_LEVEL} in the environment keeps libtorch's own level, for
 * diagnosis.
 */
final class NativeWarnings {

    static final String LEVEL_VARIABLE = "TORCH_CPP_LOG_LEVEL";
    private static final int ERROR_LEVEL = 2;
    private static final Logger LOG = LoggerFactory.getLogger(NativeWarnings.class);
    private static final AtomicBoolean DONE = new AtomicBoolean();

    private NativeWarnings() {
    }

    /** Loads the engine if needed and raises libtorch's log level; call before the first tensor operation. */
    static void silence() {
        if (System.getenv(LEVEL_VARIABLE) != null || !DONE.compareAndSet(false, true)) {
            return;
        }
        Engine.getEngine("PyTorch");
        loadedLibrary("libc10.so").ifPresent(path -> {
            try {
                NativeLibrary c10 = NativeLibrary.getInstance(path.toString());
                c10.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, ERROR_LEVEL);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                LOG.debug("libtorch warnings stay on: {}", e.toString());
            }
        });
    }

    /** The file a library was loaded from, as the process's memory map shows it. */
    private static Optional<Path> loadedLibrary(String name) {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(file -> file.endsWith("/" + name))
                    .findFirst().map(Path::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
