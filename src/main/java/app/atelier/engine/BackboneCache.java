package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps loaded backbones so that the next job on the same weights starts without reading them
 * again. Backbones in use are never closed; of the idle ones only the most recent
 * {@value #IDLE_LIMIT} stay (VGG19's convolutions alone take 80 MB). Thread-safe.
 */
final class BackboneCache {

    private static final int IDLE_LIMIT = 2;
    private static final BackboneCache SHARED = new BackboneCache();

    record Key(BackboneKind kind, Path weights, long modified, Pooling pooling, Device device, DataType dataType) {
    }

    private static final class Entry {
        final Backbone backbone;
        int users;

        Entry(Backbone backbone) {
            this.backbone = backbone;
        }
    }

    /** A backbone in use; closing it hands it back to the cache. */
    final class Lease implements AutoCloseable {
        private final Key key;
        private final Entry entry;
        private boolean closed;

        private Lease(Key key, Entry entry) {
            this.key = key;
            this.entry = entry;
        }

        Backbone backbone() {
            return entry.backbone;
        }

        @Override
        public void close() {
            synchronized (BackboneCache.this) {
                if (!closed) {
                    closed = true;
                    entry.users--;
                    // Re-insert to mark it most recently used.
                    entries.remove(key);
                    entries.put(key, entry);
                    evictIdle();
                }
            }
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final Map<Path, Integer> loadCounts = new java.util.HashMap<>();

    static BackboneCache shared() {
        return SHARED;
    }

    /**
     * Returns the cached backbone or loads it. Loading happens under the cache's lock, so two
     * jobs asking for the same weights at once load them once.
     */
    synchronized Lease acquire(BackboneKind kind, Path weights, Pooling pooling, Device device, DataType dataType)
            throws IOException {
        Path normalized = weights.toAbsolutePath().normalize();
        long modified = Files.exists(normalized) ? Files.getLastModifiedTime(normalized).toMillis() : -1;
        // SqueezeNet has no pooling choice: one entry serves both settings.
        Pooling effectivePooling = kind == BackboneKind.SQUEEZENET1_1 ? Pooling.MAX : pooling;
        Key key = new Key(kind, normalized, modified, effectivePooling, device, dataType);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(BackboneLoader.load(kind, normalized, effectivePooling, device, dataType));
            loadCounts.merge(normalized, 1, Integer::sum);
            entries.put(key, entry);
            // Reading weights leaves the Java heap grown by the file's size twice over (bytes, then
            // floats; humongous arrays for VGG19, about 170 MB). A full collection now lets G1 give
            // those pages back before the job's activations need the memory.
            System.gc();
        }
        entry.users++;
        return new Lease(key, entry);
    }

    /** How often the weights at {@code weights} were read from disk; for tests. */
    synchronized int loads(Path weights) {
        return loadCounts.getOrDefault(weights.toAbsolutePath().normalize(), 0);
    }

    private void evictIdle() {
        long idle = entries.values().stream().filter(e -> e.users == 0).count();
        Iterator<Entry> iterator = entries.values().iterator();
        while (idle > IDLE_LIMIT && iterator.hasNext()) {
            Entry entry = iterator.next();
            if (entry.users == 0) {
                entry.backbone.close();
                iterator.remove();
                idle--;
            }
        }
    }
}
