package app.atelier.engine;

/**
 * What a print will cost before it runs: the tiles, the seconds and the peak memory, from rates
 * measured by {@code atelier bench --mode print} on the project's 2-core machine (docs/quality.md,
 * "Print sizes"). The constants live here and nowhere else; re-measure and update them together
 * with that table.
 *
 * @param tiles     tiles the print pass refines, sweeps included
 * @param seconds   the print pass, plus the working render when there is none yet
 * @param peakBytes the process's peak resident memory, roughly
 */
public record PrintEstimate(int tiles, double seconds, long peakBytes) {

    /**
     * Seconds per tile megapixel-step: tiles x tile pixels / 1e6 x steps per tile x this is the
     * pass. SqueezeNet: 0.675 and 0.683 at 2048 and 4096 px (bench --mode print, 10 steps per tile).
     */
    static final double SQUEEZENET_SECONDS_PER_MEGAPIXEL_STEP = 0.68;
    /**
     * VGG19: 64.6 s at 2048 px (bench --mode print, 3 steps per tile) on a host shared with four
     * other sessions, where SqueezeNet ran 2.7 to 3.6 times its quiet rate; about 20 s quiet.
     */
    static final double VGG19_SECONDS_PER_MEGAPIXEL_STEP = 20;

    /**
     * Peak memory of one render at a side of s px is about FIXED + PER_MEGAPIXEL x s² / 1e6 MB.
     * SqueezeNet: 487 MB at 512 px (docs/performance.md) and 1,136 MB at 1024 px (the print
     * table's rows less their print pixels); VGG19: 541 MB at 256 px (docs/performance.md) and
     * 1,448 MB for a 2048 px print in 512 px tiles (docs/quality.md) less its print pixels.
     */
    private static final double SQUEEZENET_FIXED_MB = 271;
    private static final double SQUEEZENET_MB_PER_MEGAPIXEL = 826;
    private static final double VGG19_FIXED_MB = 396;
    private static final double VGG19_MB_PER_MEGAPIXEL = 3450;
    /**
     * What each print pixel adds at most: the picture, the photo at print size, the resizer's
     * copies, and the heap the collector grows around them. An upper envelope: 2,414 MB at 6000 ×
     * 4500 px (27 megapixels over a 1024 px working render's 1,137 MB) gives 47 B, while the rows
     * at 2048 and 4096 px grew by only 9.4 B a pixel between them (docs/quality.md).
     */
    static final double BYTES_PER_PRINT_PIXEL = 47;

    /**
     * @param width            print width in pixels
     * @param height           print height in pixels
     * @param workingSide      long side of the working render
     * @param workingIterations iterations of the working render still to run, 0 when it exists
     */
    public static PrintEstimate of(BackboneKind backbone, int width, int height, PrintPass.Settings settings,
                                   int workingSide, int workingIterations) {
        int tiles = PrintPass.tileCount(width, height, settings);
        double rate = secondsPerMegapixelStep(backbone);
        int tileSide = Math.min(settings.tileSize(), Math.max(width, height));
        double tileMegapixels = (double) Math.min(tileSide, width) * Math.min(tileSide, height) / 1e6;
        double pass = tiles * tileMegapixels * settings.iterationsPerTile() * rate;
        double workingMegapixels = workingPixels(width, height, workingSide) / 1e6;
        double seconds = pass + workingIterations * workingMegapixels * rate;
        double renderSide = Math.max(workingIterations > 0 ? workingSide : 0, tileSide);
        double renderMb = backbone == BackboneKind.VGG19
                ? VGG19_FIXED_MB + VGG19_MB_PER_MEGAPIXEL * renderSide * renderSide / 1e6
                : SQUEEZENET_FIXED_MB + SQUEEZENET_MB_PER_MEGAPIXEL * renderSide * renderSide / 1e6;
        long peak = Math.round(renderMb * 1e6 + BYTES_PER_PRINT_PIXEL * width * (double) height);
        return new PrintEstimate(tiles, seconds, peak);
    }

    static double secondsPerMegapixelStep(BackboneKind backbone) {
        return backbone == BackboneKind.VGG19 ? VGG19_SECONDS_PER_MEGAPIXEL_STEP : SQUEEZENET_SECONDS_PER_MEGAPIXEL_STEP;
    }

    private static double workingPixels(int width, int height, int workingSide) {
        int[] size = PrintSize.dimensions(width, height, workingSide);
        return (double) size[0] * size[1];
    }
}
