package app.atelier.settings;

import app.atelier.engine.BackboneKind;
import app.atelier.engine.CostMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the PNG text of Atelier 0.1, one key per setting, in both of its dialects: {@code render}'s
 * ("atelier.style" paths with "atelier.style-weights", the iterations done, lower-case names) and
 * the window's ("atelier.styles" as name:weight without paths, the size as W x H, upper-case names).
 * What a file lacks reads as the backbone's defaults. Nothing writes this format any more.
 */
final class LegacyPngText {

    private static final String PREFIX = "atelier.";

    private LegacyPngText() {
    }

    static boolean holdsSettings(Map<String, String> text) {
        return text.containsKey(PREFIX + "backbone") || text.containsKey(PREFIX + "alpha");
    }

    static SettingsDocument read(Map<String, String> text) {
        Entries in = new Entries(text);
        BackboneKind backbone = BackboneKind.fromId(in.text("backbone", RenderSettings.defaults().backbone()));
        RenderSettings defaults = RenderSettings.defaults(backbone);
        // Atelier 0.1 wrote no quality entries when they were its defaults then: single-scale Adam,
        // not today's coarse to fine.
        RenderSettings.QualitySetting q = RenderSettings.QualitySetting.defaults();
        List<Double> tolerances = in.numbers("lbfgs-tolerance");
        RenderSettings.QualitySetting quality = new RenderSettings.QualitySetting(
                in.name("optimizer", q.optimizer()), in.integer("lbfgs-history", q.lbfgsHistory()),
                tolerances.size() == 2 ? tolerances.get(0) : q.lbfgsGradientTolerance(),
                tolerances.size() == 2 ? tolerances.get(1) : q.lbfgsCostTolerance(),
                in.integer("scales", q.scales()), in.integer("iterations-per-scale", q.iterationsPerScale()),
                in.number("ema", q.emaDecay()), in.bool("original-colors", q.originalColors()),
                in.bool("match-histogram", q.matchHistogram()), in.number("style-scale", q.styleScale()),
                in.name("pool", q.pooling()));
        // render wrote the iterations done and, when it stopped early, the ones planned; the window
        // wrote the planned count and the iteration shown.
        int done = in.integer("iteration", in.integer("iterations", defaults.iterations()));
        int planned = in.integer("iterations-planned", in.integer("iterations", defaults.iterations()));
        RenderSettings settings = new RenderSettings(backbone.id(), in.name("device", defaults.device()),
                in.list("content-layer", defaults.contentLayers()), styleLayers(in, defaults),
                in.number("alpha", defaults.alpha()), in.number("beta", defaults.beta()),
                in.number("tv", defaults.tvWeight()), in.number("lr", defaults.learningRate()),
                longSide(in.text("size", null), defaults.size()), in.name("init", defaults.init()),
                planned, in.longNumber("seed", defaults.seed()), quality,
                // Only the last pictures of 0.1 say; all before meant exact costs.
                in.text("cost-mode", CostMode.EXACT.id()));
        return new SettingsDocument(SettingsDocument.FORMAT, 1, text.getOrDefault("Software", "Atelier 0.1"),
                settings, pictures(text), done, null);
    }

    /** Only the layers in use were written; the others stay listed, unticked, so the window can show them. */
    private static List<RenderSettings.LayerSetting> styleLayers(Entries in, RenderSettings defaults) {
        if (in.text("style-layers", null) == null) {
            return defaults.styleLayers();
        }
        List<RenderSettings.LayerSetting> layers = new ArrayList<>();
        for (String item : in.list("style-layers", List.of())) {
            int colon = item.lastIndexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon);
            layers.add(new RenderSettings.LayerSetting(name, true, colon < 0 ? 1.0 : Double.parseDouble(item.substring(colon + 1))));
        }
        return layers;
    }

    private static Pictures pictures(Map<String, String> text) {
        String content = text.get(PREFIX + "content");
        List<Pictures.StylePicture> styles = new ArrayList<>();
        String windowStyles = text.get(PREFIX + "styles");
        if (windowStyles != null) {
            // The window wrote names only: its pictures cannot be found again.
            for (String item : split(windowStyles)) {
                int colon = item.lastIndexOf(':');
                styles.add(new Pictures.StylePicture(colon < 0 ? item : item.substring(0, colon), null,
                        colon < 0 ? 1.0 : Double.parseDouble(item.substring(colon + 1))));
            }
            return new Pictures(content == null ? null : new Pictures.Picture(content, null), styles, null);
        }
        List<String> paths = split(text.getOrDefault(PREFIX + "style", ""));
        List<String> weights = split(text.getOrDefault(PREFIX + "style-weights", ""));
        for (int i = 0; i < paths.size(); i++) {
            double weight = i < weights.size() ? Double.parseDouble(weights.get(i)) : 1.0;
            styles.add(new Pictures.StylePicture(fileName(paths.get(i)), absolute(paths.get(i)), weight));
        }
        // "atelier.mask" only said whether there was one, not which.
        return new Pictures(content == null ? null : new Pictures.Picture(fileName(content), absolute(content)), styles, null);
    }

    private static int longSide(String size, int fallback) {
        if (size == null) {
            return fallback;
        }
        return Arrays.stream(size.split("x")).mapToInt(side -> Integer.parseInt(side.strip())).max().orElse(fallback);
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** render wrote paths as typed; relative ones can only be resolved against where we run now. */
    private static String absolute(String path) {
        try {
            return java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    /** The "atelier." entries with the defaults for what is absent. */
    private record Entries(Map<String, String> text) {

        String text(String key, String fallback) {
            String value = text.get(PREFIX + key);
            return value == null || value.isBlank() ? fallback : value.strip();
        }

        String name(String key, String fallback) {
            return text(key, fallback).toUpperCase(Locale.ROOT);
        }

        /** The entry parsed, or {@code fallback} when it is absent. */
        <T> T parsed(String key, T fallback, java.util.function.Function<String, T> parse) {
            String value = text(key, null);
            return value == null ? fallback : parse.apply(value);
        }

        double number(String key, double fallback) {
            return parsed(key, fallback, Double::parseDouble);
        }

        int integer(String key, int fallback) {
            return parsed(key, fallback, Integer::parseInt);
        }

        long longNumber(String key, long fallback) {
            return parsed(key, fallback, Long::parseLong);
        }

        boolean bool(String key, boolean fallback) {
            return parsed(key, fallback, Boolean::parseBoolean);
        }

        List<Double> numbers(String key) {
            return split(text(key, "")).stream().map(Double::parseDouble).toList();
        }

        List<String> list(String key, List<String> fallback) {
            return parsed(key, fallback, LegacyPngText::split);
        }
    }
}
