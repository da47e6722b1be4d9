package app.atelier.settings;

/**
 * How a print was made from its working render: the long side rendered whole, then the tiled pass
 * at the document's size (see the engine's {@code PrintPass}), and the DPI written into the file.
 *
 * @param workingSize    long side of the working render in pixels
 * @param tile           tile side of the pass in pixels
 * @param tileIterations optimiser steps on each tile per sweep
 * @param sweeps         1, or 2 when a shifted grid repainted the seams
 * @param dpi            physical resolution written into the file
 */
public record PrintSetting(int workingSize, int tile, int tileIterations, int sweeps, int dpi) {
}
