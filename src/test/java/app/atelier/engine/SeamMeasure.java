package app.atelier.engine;

import app.atelier.image.RgbImage;

/** Picture measures for the print pass: seams on tile borders, difference. */
final class SeamMeasure {

    /** Pixels either side of a tile edge that count as "on the border". */
    static final int BORDER = 2;

    private SeamMeasure() {
    }

    /**
     * Mean luma gradient magnitude on the lines where tiles start or end inside the picture
     * (± {@value #BORDER} px), divided by the mean over every other pixel: 1 when the tiles left
     * no trace, above 1 for a visible step, below 1 for a blurred band.
     */
    static double borderToInteriorGradient(RgbImage image, TileGrid grid) {
        int width = image.width();
        int height = image.height();
        boolean[] border = new boolean[width * height];
        for (TileGrid.Tile tile : grid.tiles()) {
            markColumns(border, width, height, tile.x(), tile.left());
            markColumns(border, width, height, tile.x() + tile.width(), tile.right());
            markRows(border, width, height, tile.y(), tile.top());
            markRows(border, width, height, tile.y() + tile.height(), tile.bottom());
        }
        double[] luma = PaintingMeasures.luma(image);
        double onBorder = 0;
        double elsewhere = 0;
        long borderCount = 0;
        long otherCount = 0;
        for (int y = 0; y < height - 1; y++) {
            for (int x = 0; x < width - 1; x++) {
                int i = y * width + x;
                double gradient = Math.abs(luma[i + 1] - luma[i]) + Math.abs(luma[i + width] - luma[i]);
                if (border[i]) {
                    onBorder += gradient;
                    borderCount++;
                } else {
                    elsewhere += gradient;
                    otherCount++;
                }
            }
        }
        return (onBorder / borderCount) / (elsewhere / otherCount);
    }

    private static void markColumns(boolean[] border, int width, int height, int x, boolean interior) {
        if (!interior) {
            return;
        }
        for (int column = Math.max(0, x - BORDER); column < Math.min(width, x + BORDER); column++) {
            for (int y = 0; y < height; y++) {
                border[y * width + column] = true;
            }
        }
    }

    private static void markRows(boolean[] border, int width, int height, int y, boolean interior) {
        if (!interior) {
            return;
        }
        for (int row = Math.max(0, y - BORDER); row < Math.min(height, y + BORDER); row++) {
            for (int x = 0; x < width; x++) {
                border[row * width + x] = true;
            }
        }
    }

    static double meanAbsoluteDifference(RgbImage a, RgbImage b) {
        double sum = 0;
        for (int i = 0; i < a.argb().length; i++) {
            int p = a.argb()[i];
            int q = b.argb()[i];
            sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                    + Math.abs((p & 0xFF) - (q & 0xFF));
        }
        return sum / (3.0 * a.argb().length);
    }
}
