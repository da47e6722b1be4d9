package app.atelier.cli;

import app.atelier.engine.PrintPass;
import app.atelier.engine.PrintSize;
import app.atelier.engine.RenderSize;
import app.atelier.settings.PrintSetting;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options of print sizes: above {@code --max-working-size} a render is made at that size,
 * then refined at {@code --size} tile by tile ({@link PrintPass}); the DPI and JPEG quality of the
 * file written.
 */
final class PrintOptions {

    static final int MAX_PRINT_SIDE = PrintSize.MAX_LONG_SIDE;

    @Option(names = "--max-working-size", paramLabel = "PX",
            description = "Largest size rendered whole; a larger --size is refined from it tile by tile."
                    + " Default: ${DEFAULT-VALUE}.")
    int maxWorkingSize;

    @Option(names = "--tile", paramLabel = "PX",
            description = "Tile size of the print pass (memory follows it, not the print). Default: ${DEFAULT-VALUE}.")
    int tile;

    @Option(names = "--tile-iterations", paramLabel = "N",
            description = "Optimiser steps on each tile of the print pass. Default: ${DEFAULT-VALUE}.")
    int tileIterations;

    @Option(names = "--print-sweeps", paramLabel = "N",
            description = "1, or 2 to repaint every seam band from a shifted tile grid. Default: ${DEFAULT-VALUE}.")
    int sweeps;

    @Option(names = "--dpi", paramLabel = "DPI", defaultValue = "300",
            description = "Physical resolution written into the file, for print dialogs. Default: ${DEFAULT-VALUE}.")
    int dpi;

    @Option(names = "--jpeg-quality", paramLabel = "Q", defaultValue = "0.92",
            description = "Quality 0.1..1 when --out ends in .jpg or .jpeg. Default: ${DEFAULT-VALUE}.")
    float jpegQuality;

    /** Why these options cannot work for {@code size}, or null. */
    String problem(int size) {
        if (maxWorkingSize < 64 || maxWorkingSize > RenderSize.MAX_LONG_SIDE) {
            return "--max-working-size must be 64.." + RenderSize.MAX_LONG_SIDE + " px, got " + maxWorkingSize;
        }
        if (tile < 128 || tile > RenderSize.MAX_LONG_SIDE) {
            return "--tile must be 128.." + RenderSize.MAX_LONG_SIDE + " px, got " + tile;
        }
        if (tileIterations < 1 || tileIterations > 10_000) {
            return "--tile-iterations must be 1..10000, got " + tileIterations;
        }
        if (sweeps != 1 && sweeps != 2) {
            return "--print-sweeps must be 1 or 2, got " + sweeps;
        }
        if (dpi < 1 || dpi > 10_000) {
            return "--dpi must be 1..10000, got " + dpi;
        }
        if (!(jpegQuality >= 0.1f && jpegQuality <= 1f)) {
            return String.format(Locale.ROOT, "--jpeg-quality must be 0.1..1, got %s", jpegQuality);
        }
        if (size > MAX_PRINT_SIDE) {
            return "--size must be at most " + MAX_PRINT_SIDE + " px, got " + size;
        }
        return null;
    }

    /** True when {@code size} is rendered at the working size and then refined in tiles. */
    boolean tiled(int size) {
        return size > maxWorkingSize;
    }

    int workingSize(int size) {
        return Math.min(size, maxWorkingSize);
    }

    PrintPass.Settings settings() {
        return PrintPass.Settings.of(tile, tileIterations, sweeps);
    }

    /** What the print's settings document records of these options. */
    PrintSetting setting(int workingSize) {
        return new PrintSetting(workingSize, tile, tileIterations, sweeps, dpi);
    }

    static boolean jpeg(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg");
    }
}
