package app.atelier.engine;

import app.atelier.image.RgbImage;

/**
 * Writes a refined tile back into the big picture. Tiles are refined one after another, each
 * starting from the picture as the tiles before it left it, so a tile continues its neighbours'
 * strokes in the overlap instead of painting different ones there. The write-back then mixes
 * refined and current pixels with a weight that rises smoothly from 0 at each side of the tile
 * that lies inside the picture to 1 after {@code ramp} pixels: the network's view near a tile's
 * edge is cut off (zero padding), so those pixels are the least trustworthy, and a smooth rise
 * leaves no visible step.
 */
public final class TileBlend {

    private TileBlend() {
    }

    /** The write-back weight in [0, 1] of tile pixel (x, y); 1 everywhere away from interior edges. */
    public static double weight(TileGrid.Tile tile, int x, int y, int ramp) {
        double wx = Math.min(side(tile.left(), x, ramp), side(tile.right(), tile.width() - 1 - x, ramp));
        double wy = Math.min(side(tile.top(), y, ramp), side(tile.bottom(), tile.height() - 1 - y, ramp));
        return wx * wy;
    }

    private static double side(boolean interior, int distance, int ramp) {
        if (!interior || ramp <= 0) {
            return 1.0;
        }
        double t = (distance + 0.5) / ramp;
        if (t >= 1) {
            return 1.0;
        }
        return t * t * (3 - 2 * t);
    }

    /** Mixes {@code refined} (the tile's size) into {@code picture} (ARGB, {@code width} wide) in place. */
    public static void writeBack(int[] picture, int width, TileGrid.Tile tile, RgbImage refined, int ramp) {
        if (refined.width() != tile.width() || refined.height() != tile.height()) {
            throw new IllegalArgumentException("refined tile is " + refined.width() + "x" + refined.height()
                    + ", the tile " + tile.width() + "x" + tile.height());
        }
        int[] source = refined.argb();
        for (int y = 0; y < tile.height(); y++) {
            int row = (tile.y() + y) * width + tile.x();
            for (int x = 0; x < tile.width(); x++) {
                double w = weight(tile, x, y, ramp);
                int fresh = source[y * tile.width() + x];
                picture[row + x] = w >= 1.0 ? fresh | 0xFF000000 : mix(picture[row + x], fresh, w);
            }
        }
    }

    /** The tile's region of {@code picture} as its own image. */
    public static RgbImage crop(int[] picture, int width, TileGrid.Tile tile) {
        int[] argb = new int[tile.width() * tile.height()];
        for (int y = 0; y < tile.height(); y++) {
            System.arraycopy(picture, (tile.y() + y) * width + tile.x(), argb, y * tile.width(), tile.width());
        }
        return new RgbImage(tile.width(), tile.height(), argb);
    }

    private static int mix(int old, int fresh, double w) {
        int r = channel(old >> 16, fresh >> 16, w);
        int g = channel(old >> 8, fresh >> 8, w);
        int b = channel(old, fresh, w);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    private static int channel(int old, int fresh, double w) {
        return (int) Math.round((old & 0xFF) * (1 - w) + (fresh & 0xFF) * w);
    }
}
