package app.atelier.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the memory of freed tensors in the process for the next iteration, instead of handing it
 * back to the system and taking fresh pages again, and hands it back once a job has ended.
 *
 * <p>Why: an iteration frees and re-allocates the same tensors. libtorch runs on the job's worker
 * thread, which glibc serves from a secondary arena; such an arena unmaps a whole 64 MB heap as
 * soon as it is free and maps a new one on the next request, so every iteration wrote its largest
 * tensors into fresh pages: 1,400–8,000 page faults per SqueezeNet iteration at 512 px, growing
 * over a run, against none in PyTorch-Python, which computes on the main thread's arena (issue
 * 15, docs/performance.md). With a 64 MB top pad, tensors under 32 MB kept in the arenas and
 * nothing trimmed below 1 GB of free memory, the faults drop to tens per iteration. glibc reads
 * its environment variables only at process start, before any Java runs, so the parameters are
 * set through {@code mallopt}, which applies to all arenas at once; they are glibc's, so this
 * does nothing on macOS and Windows.
 */
public final class TensorMemory {

    /** {@code -Datelier.mallocTuning=default} keeps glibc's own behaviour, to measure the difference. */
    public static final String PROPERTY = "atelier.mallocTuning";

    private static final Logger LOG = LoggerFactory.getLogger(TensorMemory.class);
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MEGABYTE = 1 << 20;
    /** glibc's settings a user may have given in the environment; any of them leaves all as they are. */
    private static final List<String> USER_SETTINGS = List.of("MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_",
            "MALLOC_MMAP_THRESHOLD_", "MALLOC_ARENA_MAX", "GLIBC_TUNABLES");

    private TensorMemory() {
    }

    /** Call once, before the first tensor; a no-op off Linux or when the user tuned glibc. */
    public static void keepFreedTensorsForReuse() {
        if ("default".equals(System.getProperty(PROPERTY))) {
            return;
        }
        LinuxLibc.get().filter(c -> USER_SETTINGS.stream().allMatch(name -> c.getenv(name) == null)).ifPresent(c -> {
            // The largest mmap threshold glibc accepts (half its 64 MB heap size).
            boolean set = c.mallopt(M_MMAP_THRESHOLD, 32 * MEGABYTE) == 1
                    & c.mallopt(M_TOP_PAD, 64 * MEGABYTE) == 1
                    & c.mallopt(M_TRIM_THRESHOLD, 1024 * MEGABYTE) == 1;
            if (!set) {
                LOG.debug("glibc refused an allocator setting; its defaults stay in part");
            }
        });
    }

    /** Hands the free memory the last job kept back to the system; on the worker, between jobs. */
    static void releaseAfterJob() {
        if (!"default".equals(System.getProperty(PROPERTY))) {
            LinuxLibc.get().ifPresent(c -> c.malloc_trim(0));
        }
    }
}
