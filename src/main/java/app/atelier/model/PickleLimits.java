package app.atelier.model;

/**
 * What one pickle may make {@link RestrictedUnpickler} do: bytes read, objects built, items held,
 * memo entries, stack height, tuple nesting and time. A state dict of VGG19 takes a few kilobytes
 * and a few thousand objects; each limit is orders of magnitude above what a real weights file
 * needs and far below what would hurt (together they keep a hostile pickle under ~200 MB of heap
 * and a few seconds), so a file that reaches one is refused, naming the limit.
 */
final class PickleLimits {

    static final long MAX_STREAM_BYTES = 16L * 1024 * 1024;
    static final int MAX_OBJECTS = 1_000_000;
    static final int MAX_CONTAINER_ITEMS = 1_000_000;
    static final long MAX_TOTAL_ITEMS = 2_000_000;
    static final int MAX_MEMO = 1_000_000;
    static final int MAX_STACK = 1_000_000;
    static final int MAX_TUPLE_DEPTH = 32;
    static final long MAX_NANOS = 30_000_000_000L;

    private static final int OPS_BETWEEN_CLOCK_CHECKS = 4096;

    private final String source;
    private final long deadline = System.nanoTime() + MAX_NANOS;
    private long objects;
    private long items;
    private int opsSinceClockCheck;

    /** @param source how to call the pickle in messages, e.g. "model.pth (data.pkl)" */
    PickleLimits(String source) {
        this.source = source;
    }

    /** Before reading up to {@code position} bytes of the stream. */
    void bytes(long position) throws WeightsFormatException {
        if (position > MAX_STREAM_BYTES) {
            throw refused("its pickle stream is longer than " + MAX_STREAM_BYTES / (1024 * 1024)
                    + " MiB (a state dict's takes kilobytes)");
        }
    }

    /** Once per opcode: the clock. */
    void opcode() throws WeightsFormatException {
        if (++opsSinceClockCheck >= OPS_BETWEEN_CLOCK_CHECKS) {
            opsSinceClockCheck = 0;
            if (System.nanoTime() > deadline) {
                throw refused("reading its pickle took longer than " + MAX_NANOS / 1_000_000_000L + " s");
            }
        }
    }

    /** For each object built. */
    void object() throws WeightsFormatException {
        if (++objects > MAX_OBJECTS) {
            throw refused("its pickle builds more than " + MAX_OBJECTS + " objects");
        }
    }

    /** After {@code added} items went into a container that now holds {@code size}. */
    void items(String container, long size, long added) throws WeightsFormatException {
        items += added;
        if (size > MAX_CONTAINER_ITEMS) {
            throw refused("its pickle builds a " + container + " of more than " + MAX_CONTAINER_ITEMS + " items");
        }
        if (items > MAX_TOTAL_ITEMS) {
            throw refused("its pickle puts more than " + MAX_TOTAL_ITEMS + " items into containers");
        }
    }

    void memo(int size) throws WeightsFormatException {
        if (size > MAX_MEMO) {
            throw refused("its pickle stores more than " + MAX_MEMO + " memo entries");
        }
    }

    void stack(int height) throws WeightsFormatException {
        if (height > MAX_STACK) {
            throw refused("its pickle stacks more than " + MAX_STACK + " items");
        }
    }

    void tupleDepth(int depth) throws WeightsFormatException {
        if (depth > MAX_TUPLE_DEPTH) {
            throw refused("its pickle holds tuples nested deeper than " + MAX_TUPLE_DEPTH);
        }
    }

    WeightsFormatException refused(String why) {
        return new WeightsFormatException(source + ": refused: " + why + "; not a plain weights file");
    }
}
