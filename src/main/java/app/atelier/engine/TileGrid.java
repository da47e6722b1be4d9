package app.atelier.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the print pass puts its tiles on a picture: equal tiles (so that every tile's activations
 * have the same number of positions and one style target serves all), spread evenly so that
 * neighbours overlap by at least the requested amount, the first flush with the top-left corner
 * and the last with the bottom-right. A {@link #shifted() shifted} grid puts its tiles halfway
 * between the first grid's, so that each seam band of the first sweep lies in the middle of a
 * tile of the second.
 *
 * @param width   picture width in pixels
 * @param height  picture height in pixels
 * @param tiles   the tiles in the order the pass refines them: row by row, left to right
 * @param overlap the requested minimum overlap between neighbours, in pixels
 */
public record TileGrid(int width, int height, List<Tile> tiles, int overlap) {

    /**
     * One tile; {@code left/top/right/bottom} say whether a neighbour overlaps that side, which is
     * where its blend weight ramps from 0 (at the tile's edge) to 1.
     */
    public record Tile(int index, int x, int y, int width, int height,
                       boolean left, boolean top, boolean right, boolean bottom) {
    }

    public TileGrid {
        tiles = List.copyOf(tiles);
    }

    /**
     * The grid of {@code tileSize}-pixel square tiles (smaller where the picture is) overlapping
     * by at least {@code overlap} pixels.
     */
    public static TileGrid of(int width, int height, int tileSize, int overlap) {
        requireGeometry(width, height, tileSize, overlap);
        return build(width, height, overlap, starts(width, tileSize, overlap), starts(height, tileSize, overlap),
                Math.min(tileSize, width), Math.min(tileSize, height));
    }

    /** The second sweep's grid: tiles centred on the seams of this one (none along an axis with one tile). */
    public TileGrid shifted() {
        if (tiles.isEmpty()) {
            return this;
        }
        int tileWidth = tiles.get(0).width();
        int tileHeight = tiles.get(0).height();
        List<Integer> xs = midpoints(distinct(tiles.stream().map(Tile::x).toList()));
        List<Integer> ys = midpoints(distinct(tiles.stream().map(Tile::y).toList()));
        if (xs.isEmpty() && ys.isEmpty()) {
            return new TileGrid(width, height, List.of(), overlap);
        }
        if (xs.isEmpty()) {
            xs = List.of(0);
        }
        if (ys.isEmpty()) {
            ys = List.of(0);
        }
        return build(width, height, overlap, xs, ys, tileWidth, tileHeight);
    }

    /** The tiles' count. */
    public int size() {
        return tiles.size();
    }

    private static TileGrid build(int width, int height, int overlap, List<Integer> xs, List<Integer> ys,
                                  int tileWidth, int tileHeight) {
        List<Tile> tiles = new ArrayList<>();
        for (int row = 0; row < ys.size(); row++) {
            for (int column = 0; column < xs.size(); column++) {
                int x = xs.get(column);
                int y = ys.get(row);
                tiles.add(new Tile(tiles.size(), x, y, tileWidth, tileHeight,
                        x > 0, y > 0, x + tileWidth < width, y + tileHeight < height));
            }
        }
        return new TileGrid(width, height, tiles, overlap);
    }

    /** Evenly spread starts along one side: the fewest tiles whose neighbours overlap by >= overlap. */
    static List<Integer> starts(int length, int tileSize, int overlap) {
        if (length <= tileSize) {
            return List.of(0);
        }
        int step = tileSize - overlap;
        int count = (int) Math.ceil((double) (length - overlap) / step);
        count = Math.max(count, 2);
        List<Integer> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starts.add((int) Math.round((double) i * (length - tileSize) / (count - 1)));
        }
        return starts;
    }

    private static List<Integer> distinct(List<Integer> values) {
        return values.stream().distinct().sorted().toList();
    }

    private static List<Integer> midpoints(List<Integer> starts) {
        List<Integer> midpoints = new ArrayList<>();
        for (int i = 0; i + 1 < starts.size(); i++) {
            midpoints.add((starts.get(i) + starts.get(i + 1)) / 2);
        }
        return midpoints;
    }

    private static void requireGeometry(int width, int height, int tileSize, int overlap) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
        }
        if (overlap < 0 || tileSize < 2 * overlap + 1) {
            throw new IllegalArgumentException("a tile of " + tileSize + " px cannot overlap its neighbours by "
                    + overlap + " px on both sides");
        }
    }
}
