package app.atelier.engine;

import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;

/**
 * A small copy of a print canvas that follows the pass tile by tile: each finished tile's area is
 * scaled down into it, so showing the print as it fills in never copies the full-size picture
 * (108 MB at 6000 × 4500 px). Used by the computing thread only; {@link #snapshot} hands out copies.
 */
final class PrintPreview {

    private final int printWidth;
    private final int printHeight;
    private final int width;
    private final int height;
    private final int[] argb;

    /** Starts as {@code start} (the working render) scaled to fit {@code maxSide}. */
    PrintPreview(RgbImage start, int printWidth, int printHeight, int maxSide) {
        this.printWidth = printWidth;
        this.printHeight = printHeight;
        int[] size = PrintSize.dimensions(printWidth, printHeight, Math.min(maxSide, Math.max(printWidth, printHeight)));
        this.width = size[0];
        this.height = size[1];
        this.argb = ImageResizer.resize(start, width, height).argb().clone();
    }

    /** Paints {@code area}, the print under {@code tile}, into the preview. */
    void paint(TileGrid.Tile tile, RgbImage area) {
        int x0 = scaledX(tile.x());
        int y0 = scaledY(tile.y());
        int x1 = Math.max(x0 + 1, scaledX(tile.x() + tile.width()));
        int y1 = Math.max(y0 + 1, scaledY(tile.y() + tile.height()));
        RgbImage small = ImageResizer.resize(area, x1 - x0, y1 - y0);
        for (int y = 0; y < small.height(); y++) {
            System.arraycopy(small.argb(), y * small.width(), argb, (y0 + y) * width + x0, small.width());
        }
    }

    RgbImage snapshot() {
        return new RgbImage(width, height, argb.clone());
    }

    private int scaledX(int x) {
        return Math.min(width, (int) Math.round((double) x * width / printWidth));
    }

    private int scaledY(int y) {
        return Math.min(height, (int) Math.round((double) y * height / printHeight));
    }
}
