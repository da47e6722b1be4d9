package app.atelier.cli;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.Defaults;
import app.atelier.engine.LiveParameters;
import app.atelier.engine.StyleLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Texts for {@code render --help} computed from {@link Defaults}, so that the help always shows the
 * defaults the engine really uses. Defaults that depend on the backbone are shown per backbone.
 * Picocli loads this class by name as the command's resource bundle ({@code ${bundle:key}}).
 */
public final class RenderHelp extends ListResourceBundle {

    @Override
    protected Object[][] getContents() {
        List<Object[]> entries = new ArrayList<>();
        entries.add(entry("default.alpha", p -> number(p.alpha())));
        entries.add(entry("default.beta", p -> number(p.beta())));
        entries.add(entry("default.cost-mode", p -> p.costMode().id()));
        entries.add(entry("default.tv", p -> number(p.tvWeight())));
        entries.add(entry("default.lr", p -> number(p.learningRate())));
        entries.add(entry("default.content-layer", p -> String.join(",", p.contentLayers())));
        entries.add(entry("default.style-layers", p -> styleLayers(p.styleLayers())));
        entries.add(new Object[] {"layers", layersPerBackbone()});
        int perScale = Defaults.QUALITY.iterationsPerScale();
        entries.add(new Object[] {"default.iterations-per-scale",
                perScale > 0 ? perScale + " (without --iterations)" : "--iterations split evenly"});
        return entries.toArray(new Object[0][]);
    }

    /** "1.0" when all backbones agree, else "1.0 (squeezenet1_1), 0.5 (vgg19)". */
    private static Object[] entry(String key, Function<LiveParameters, String> field) {
        Map<BackboneKind, String> values = new LinkedHashMap<>();
        for (BackboneKind kind : BackboneKind.values()) {
            values.put(kind, field.apply(Defaults.parameters(kind)));
        }
        boolean same = values.values().stream().distinct().count() == 1;
        String text = same
                ? values.values().iterator().next()
                : values.entrySet().stream().map(e -> e.getValue() + " (" + e.getKey().id() + ")")
                        .collect(Collectors.joining(", "));
        return new Object[] {key, text};
    }

    private static String layersPerBackbone() {
        return java.util.Arrays.stream(BackboneKind.values())
                .map(kind -> kind.id() + ": " + String.join(",", kind.taps()))
                .collect(Collectors.joining("; "));
    }

    static String styleLayers(List<StyleLayer> layers) {
        return layers.stream().map(l -> l.name() + ":" + number(l.weight())).collect(Collectors.joining(","));
    }

    /** Shortest text that reads back as the same double (1.0 -> "1", 0.02 -> "0.02", 1e5 -> "100000"). */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
