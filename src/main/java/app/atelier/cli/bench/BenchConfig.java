package app.atelier.cli.bench;

import app.atelier.engine.BackboneKind;

/**
 * One benchmark configuration: what one child process times.
 *
 * @param threads intra-op threads for PyTorch; 0 leaves libtorch's default
 */
public record BenchConfig(BackboneKind backbone, int size, String optimizer, int warmup, int iterations,
                          int threads) {

    /** The key=value words that name this configuration in result lines. */
    public String label() {
        return "backbone=" + backbone.id() + " size=" + size + " opt=" + optimizer;
    }
}
