package app.atelier.model;

/**
 * How much tensor data a file may make a reader hold for the tensors it is asked for, checked
 * against what the file declares before any of it is read or inflated: a few kilobytes of zip
 * can declare gigabytes.
 *
 * @param network  what the tensors are for, in messages ("VGG19 (convolutions up to conv5_4)")
 * @param maxBytes the most bytes the wanted tensors may take, as stored and as float32 once read
 */
public record TensorBudget(String network, long maxBytes) {

    /** Room for a float64 copy of every parameter (twice float32, the widest type a reader accepts) and metadata. */
    public static TensorBudget of(BackboneArchitecture architecture) {
        return new TensorBudget(architecture.name(), architecture.parameterCount() * Double.BYTES + (1 << 20));
    }

    /** For reading a whole file of no particular network: what one Java array can hold. */
    public static final TensorBudget ANY = new TensorBudget("a weights file", Integer.MAX_VALUE);

    /** Fails when {@code bytes} (declared by {@code file}) exceed the budget. */
    void check(String file, String what, long bytes) throws WeightsFormatException {
        if (bytes > maxBytes) {
            throw new WeightsFormatException(String.format(java.util.Locale.ROOT,
                    "%s: %s %.1f MB of tensor data for %s, which can need at most %.1f MB; refused before reading it",
                    file, what, bytes / 1e6, network, maxBytes / 1e6));
        }
    }
}
