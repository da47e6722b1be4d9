package app.atelier.engine;

/**
 * How the content and style terms are scaled before α and β weigh them.
 *
 * <p>The exact Gatys terms differ by orders of magnitude between layers, networks and pictures
 * (a SqueezeNet fire4 style term starts near 1e-1, a conv0 term near 1e-5; VGG19's near 1e3),
 * so an exact β only means something for one network, one layer set and roughly one pair of
 * pictures. {@link #NORMALIZED} divides each term by a normaliser fixed when its target is
 * computed, which makes the weights read the same everywhere.
 */
public enum CostMode {
    /**
     * The design's formulas as written: total = α·Σ J_content + β·Σ λ_l J_style^l + γ·TV. Presets
     * written before cost modes existed mean this.
     */
    EXACT("exact"),
    /**
     * Each term relative to its target's own size: a content layer's J_content divided by its value
     * for an all-zero activation (‖a^C‖²/(4·n_H·n_W·n_C)), a style layer's J_style divided by its value
     * for an all-zero Gram matrix (‖G^S‖²/(4·n_C²·(n_H·n_W)²)) and read in per cent; the content layers are averaged and the
     * style layers averaged with weights λ_l/Σλ, so α = β = 1 is the default balance on any network
     * and any pair, and β reads as the style strength. See {@link StyleObjective} for the full total.
     */
    NORMALIZED("normalized");

    private final String id;

    CostMode(String id) {
        this.id = id;
    }

    /** The name used on the command line, in presets and in PNG metadata. */
    public String id() {
        return id;
    }

    public static CostMode fromId(String id) {
        for (CostMode mode : values()) {
            if (mode.id.equalsIgnoreCase(id)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown cost mode '" + id + "'; choose exact or normalized");
    }
}
