package app.atelier.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One iteration's cost, before and after weighting.
 *
 * @param total         α·content + β·style + γ·tv
 * @param content       unweighted content cost (sum over content layers)
 * @param style         unweighted style cost Σ λ_l J_style^l
 * @param stylePerLayer unweighted J_style^l per active style layer (before λ_l), in layer order
 * @param tv            unweighted total-variation cost
 */
public record LossBreakdown(double total, double content, double style,
                            Map<String, Double> stylePerLayer, double tv) {
    public LossBreakdown {
        // Keeps the caller's (layer) order, which Map.copyOf would lose.
        stylePerLayer = Collections.unmodifiableMap(new LinkedHashMap<>(stylePerLayer));
    }

    public boolean isFinite() {
        return Double.isFinite(total) && Double.isFinite(content) && Double.isFinite(style) && Double.isFinite(tv);
    }
}
