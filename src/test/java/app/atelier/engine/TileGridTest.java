package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.image.RgbImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileGridTest {

    @Test
    void tilesCoverThePictureWithAtLeastTheOverlapAndEqualSizes() {
        for (int[] size : new int[][]{{2048, 1365}, {6000, 4000}, {1000, 1000}, {513, 200}, {4096, 17}}) {
            TileGrid grid = TileGrid.of(size[0], size[1], 512, 64);
            boolean[] covered = new boolean[size[0] * size[1]];
            for (TileGrid.Tile tile : grid.tiles()) {
                assertThat(tile.x()).isBetween(0, size[0] - tile.width());
                assertThat(tile.y()).isBetween(0, size[1] - tile.height());
                assertThat(tile.width()).isEqualTo(Math.min(512, size[0]));
                assertThat(tile.height()).isEqualTo(Math.min(512, size[1]));
                for (int y = tile.y(); y < tile.y() + tile.height(); y++) {
                    Arrays.fill(covered, y * size[0] + tile.x(), y * size[0] + tile.x() + tile.width(), true);
                }
            }
            assertThat(covered).as("every pixel of %dx%d", size[0], size[1]).doesNotContain(false);
            assertOverlap(TileGrid.starts(size[0], 512, 64), 512, 64);
            assertOverlap(TileGrid.starts(size[1], 512, 64), 512, 64);
        }
    }

    private static void assertOverlap(List<Integer> starts, int tile, int overlap) {
        for (int i = 0; i + 1 < starts.size(); i++) {
            assertThat(starts.get(i) + tile - starts.get(i + 1)).isGreaterThanOrEqualTo(overlap);
        }
    }

    @Test
    void usesTheFewestTilesThatKeepTheOverlap() {
        assertThat(TileGrid.starts(500, 512, 64)).containsExactly(0);
        assertThat(TileGrid.starts(960, 512, 64)).containsExactly(0, 448);
        assertThat(TileGrid.starts(961, 512, 64)).hasSize(3);
        assertThat(TileGrid.of(6000, 4000, 512, 64).size()).isEqualTo(14 * 9);
    }

    @Test
    void shiftedGridCentresATileOnEverySeamOfTheFirst() {
        TileGrid grid = TileGrid.of(2048, 1365, 512, 64);
        TileGrid shifted = grid.shifted();
        List<Integer> xs = grid.tiles().stream().map(TileGrid.Tile::x).distinct().sorted().toList();
        List<Integer> shiftedXs = shifted.tiles().stream().map(TileGrid.Tile::x).distinct().sorted().toList();
        assertThat(shiftedXs).hasSize(xs.size() - 1);
        for (int i = 0; i + 1 < xs.size(); i++) {
            int seamCentre = (xs.get(i + 1) + xs.get(i) + 512) / 2;
            int tileCentre = shiftedXs.get(i) + 256;
            assertThat(Math.abs(seamCentre - tileCentre)).isLessThanOrEqualTo(1);
        }
        assertThat(TileGrid.of(400, 300, 512, 64).shifted().size()).isZero();
    }

    @Test
    void blendWeightRisesSmoothlyFromInteriorEdgesOnly() {
        TileGrid grid = TileGrid.of(1000, 400, 512, 64);
        TileGrid.Tile first = grid.tiles().get(0);
        TileGrid.Tile second = grid.tiles().get(1);
        assertThat(first.left()).isFalse();
        assertThat(first.right()).isTrue();
        assertThat(TileBlend.weight(first, 0, 10, 64)).isEqualTo(1.0);
        assertThat(TileBlend.weight(first, 511, 10, 64)).isLessThan(0.01);
        assertThat(TileBlend.weight(second, 0, 10, 64)).isLessThan(0.01);
        assertThat(TileBlend.weight(second, 64, 10, 64)).isEqualTo(1.0);
        double previous = 0;
        for (int x = 0; x < 64; x++) {
            double w = TileBlend.weight(second, x, 10, 64);
            assertThat(w).isGreaterThan(previous);
            previous = w;
        }
        // Where the first tile's ramp ends the second's begins: the mix is continuous across the seam.
        int seamStart = second.x();
        assertThat(TileBlend.weight(first, seamStart - first.x() - 1, 10, 64)).isEqualTo(1.0);
    }

    @Test
    void writeBackKeepsThePictureAtTheTilesEdgeAndTakesTheTileInside() {
        int width = 1000;
        int height = 400;
        TileGrid.Tile tile = TileGrid.of(width, height, 512, 64).tiles().get(1);
        int[] picture = new int[width * height];
        Arrays.fill(picture, 0xFF000000);
        int[] white = new int[tile.width() * tile.height()];
        Arrays.fill(white, 0xFFFFFFFF);
        TileBlend.writeBack(picture, width, tile, new RgbImage(tile.width(), tile.height(), white), 64);
        assertThat(picture[10 * width + tile.x()] & 0xFF).isLessThan(3);
        assertThat(picture[10 * width + tile.x() + 32] & 0xFF).isBetween(100, 155);
        assertThat(picture[10 * width + tile.x() + 200] & 0xFF).isEqualTo(255);
        assertThat(picture[10 * width + tile.x() - 1] & 0xFF).isZero();
        assertThat(TileBlend.crop(picture, width, tile).argb()[10 * tile.width() + 200]).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void refusesATileTooSmallForItsOverlap() {
        assertThatThrownBy(() -> TileGrid.of(1000, 1000, 100, 60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot overlap");
    }
}
