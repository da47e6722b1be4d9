package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.image.ImageResizer;
import app.atelier.image.PngWriter;
import app.atelier.image.RgbImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The print pass on real renders: seams, the working render's shapes, cancellation. */
class PrintPassTest {

    private static RgbImage working;

    @BeforeAll
    static void renderAtTheWorkingSize() throws Exception {
        working = QualityRuns.run(QualityRuns.spec(256, InitMode.CONTENT, 30, RenderQuality.DEFAULT), records -> false,
                Duration.ofMinutes(10)).last().image();
    }

    private static JobSpec printSpec(int longSide) throws Exception {
        JobSpec small = QualityRuns.spec(256, InitMode.CONTENT, 60, RenderQuality.DEFAULT);
        return new JobSpec(small.backbone(), small.weights(), small.pooling(), small.device(), small.content(),
                small.styles(), longSide, small.init(), small.seed(), small.iterations(), small.parameters(),
                small.quality());
    }

    @Test
    void a2048PixelPrintHasNoSeamsAndKeepsTheWorkingRendersShapes() throws Exception {
        PrintPass.Settings settings = new PrintPass.Settings(512, 64, 12, 1);
        List<PrintPass.Progress> progress = new CopyOnWriteArrayList<>();
        PrintPass pass = new PrintPass(printSpec(2048), working, settings);
        RgbImage print = pass.run(progress::add);

        assertThat(print.longSide()).isEqualTo(2048);
        TileGrid grid = TileGrid.of(print.width(), print.height(), 512, 64);
        assertThat(progress).hasSize(grid.size());
        assertThat(progress.get(progress.size() - 1).tile()).isEqualTo(grid.size());
        double seamRatio = SeamMeasure.borderToInteriorGradient(print, grid);
        System.out.printf("print pass 2048 px: seam ratio %.3f%n", seamRatio);
        assertThat(seamRatio).as("gradient on tile borders / interior").isLessThanOrEqualTo(1.10);
        // The pass must change the picture (fine strokes), yet keep the working render's large shapes.
        RgbImage upscaled = ImageResizer.resize(working, print.width(), print.height());
        assertThat(SeamMeasure.meanAbsoluteDifference(print, upscaled)).isGreaterThan(2.0);
        RgbImage back = ImageResizer.resize(print, working.width(), working.height());
        double ssim = PaintingMeasures.lumaSsim(back, working);
        System.out.printf("print pass 2048 px: SSIM of the print at the working size to the working render %.3f%n", ssim);
        assertThat(ssim).isGreaterThan(0.8);
        save(print, "print-2048.png");
    }

    @Test
    void cancellingKeepsEveryFinishedTileAndTheUpscaledRest() throws Exception {
        PrintPass.Settings settings = new PrintPass.Settings(256, 32, 4, 1);
        PrintPass pass = new PrintPass(printSpec(768), working, settings);
        List<PrintPass.Progress> progress = new ArrayList<>();
        RgbImage print = pass.run(p -> {
            progress.add(p);
            if (p.tile() == 2) {
                pass.cancel();
            }
        });
        assertThat(pass.cancelled()).isTrue();
        assertThat(progress).hasSize(2);
        assertThat(print.longSide()).isEqualTo(768);
        List<TileGrid.Tile> tiles = TileGrid.of(print.width(), print.height(), 256, 32).tiles();
        TileGrid.Tile untouched = tiles.get(tiles.size() - 1);
        RgbImage upscaled = ImageResizer.resize(working, print.width(), print.height());
        assertThat(TileBlend.crop(print.argb(), print.width(), untouched).argb())
                .isEqualTo(TileBlend.crop(upscaled.argb(), print.width(), untouched).argb());
        TileGrid.Tile refined = progress.get(0).region();
        assertThat(TileBlend.crop(print.argb(), print.width(), refined).argb())
                .isNotEqualTo(TileBlend.crop(upscaled.argb(), print.width(), refined).argb());
    }

    private static void save(RgbImage image, String name) throws Exception {
        Path folder = Path.of("target", "print-pass");
        Files.createDirectories(folder);
        PngWriter.write(image, folder.resolve(name), java.util.Map.of());
    }
}
