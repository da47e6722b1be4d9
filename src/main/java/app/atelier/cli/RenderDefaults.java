package app.atelier.cli;

import app.atelier.engine.Defaults;
import app.atelier.engine.PrintPass;
import java.util.Locale;
import picocli.CommandLine;

/**
 * Picocli defaults for the {@code render} options that do not depend on the backbone, taken from
 * {@link Defaults} so that {@code --help} ({@code ${DEFAULT-VALUE}}) and the behaviour agree, and
 * {@code render} without options computes what Start in a fresh window computes.
 */
final class RenderDefaults implements CommandLine.IDefaultValueProvider {

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!(argSpec instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        return switch (option.longestName()) {
            case "--size" -> Integer.toString(Defaults.LONG_SIDE);
            case "--iterations" -> Integer.toString(Defaults.ITERATIONS);
            case "--scales" -> Integer.toString(Defaults.QUALITY.scales());
            case "--init" -> Defaults.INIT.name().toLowerCase(Locale.ROOT);
            case "--seed" -> Long.toString(Defaults.SEED);
            case "--backbone" -> Defaults.BACKBONE.id();
            case "--pool" -> Defaults.POOLING.name().toLowerCase(Locale.ROOT);
            case "--device" -> Defaults.DEVICE.name().toLowerCase(Locale.ROOT);
            case "--optimizer" -> Defaults.QUALITY.optimizer().name().toLowerCase(Locale.ROOT);
            case "--lbfgs-history" -> Integer.toString(Defaults.QUALITY.lbfgsHistory());
            case "--lbfgs-tolerance" -> Defaults.QUALITY.lbfgsGradientTolerance() + "," + Defaults.QUALITY.lbfgsCostTolerance();
            case "--ema" -> Double.toString(Defaults.QUALITY.emaDecay());
            case "--style-scale" -> Double.toString(Defaults.QUALITY.styleScale());
            case "--original-colors" -> Boolean.toString(Defaults.QUALITY.originalColors());
            case "--painting-palette" -> Boolean.toString(Defaults.QUALITY.paintingPalette());
            case "--bfloat16" -> Boolean.toString(Defaults.QUALITY.bfloat16());
            // The print pass's defaults are the window's Render for print defaults too.
            case "--max-working-size" -> Integer.toString(PrintPass.DEFAULT_WORKING_SIDE);
            case "--tile" -> Integer.toString(PrintPass.Settings.DEFAULT.tileSize());
            case "--tile-iterations" -> Integer.toString(PrintPass.Settings.DEFAULT.iterationsPerTile());
            case "--print-sweeps" -> Integer.toString(PrintPass.Settings.DEFAULT.sweeps());
            case "--match-histogram" -> Boolean.toString(Defaults.QUALITY.matchHistogram());
            default -> null;
        };
    }
}
