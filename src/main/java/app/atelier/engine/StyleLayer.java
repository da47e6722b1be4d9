package app.atelier.engine;

/** A style tap and its weight λ_l in the style cost. */
public record StyleLayer(String name, double weight) {
    public StyleLayer {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("style layer weight must be a finite number >= 0, got " + weight + " for " + name);
        }
    }
}
