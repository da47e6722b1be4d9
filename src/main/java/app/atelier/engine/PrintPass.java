package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.util.List;
import java.util.Objects;

/**
 * The print pass: takes a finished render at a working size that fits memory, upscales it to the
 * print size and refines it there tile by tile, so that memory depends on the tile, not on the
 * print. The render's large shapes come from the working size; the pass adds strokes at print
 * resolution.
 *
 * <p>Every tile is compared with the same style target: the painting at the working render's
 * brush size, its Gram matrices computed once for the tile size (all tiles are equal, see
 * {@link TileGrid}), so the style cannot drift from tile to tile. The content target is the photo
 * at print size under the tile. Tiles are refined in order, each from the picture the previous
 * ones left, and written back with {@link TileBlend}'s ramps; an optional second sweep over the
 * {@link TileGrid#shifted() shifted} grid re-paints every seam band from a tile's middle.
 *
 * <p>{@link #run} computes on the calling thread; {@link #cancel}, {@link #pause}, {@link #resume},
 * {@link #current} and {@link #area} may be called from any thread.
 */
public final class PrintPass {

    /** The largest size rendered whole before the tiled pass, unless asked otherwise: SqueezeNet's 1024 px peak (1.5 GB) leaves room on an 8 GB laptop. */
    public static final int DEFAULT_WORKING_SIDE = 1024;

    /**
     * How the pass tiles and refines.
     *
     * @param tileSize          tile side in pixels (the working size that fits memory)
     * @param overlap           minimum overlap of neighbouring tiles, also the blend ramp's width
     * @param iterationsPerTile Adam steps on each tile per sweep
     * @param sweeps            1, or 2 to repaint the seams from the shifted grid
     */
    public record Settings(int tileSize, int overlap, int iterationsPerTile, int sweeps) {
        public static final Settings DEFAULT = new Settings(512, 64, 40, 1);

        /** The overlap follows the tile: an eighth of it, 16 px at least, so the blend ramp scales with the strokes. */
        public static Settings of(int tileSize, int iterationsPerTile, int sweeps) {
            return new Settings(tileSize, Math.max(16, tileSize / 8), iterationsPerTile, sweeps);
        }

        public Settings {
            if (tileSize < 64 || overlap < 8 || tileSize < 4 * overlap) {
                throw new IllegalArgumentException("tile " + tileSize + " px with overlap " + overlap
                        + " px: tiles need at least 64 px and four overlaps");
            }
            if (iterationsPerTile < 1 || sweeps < 1 || sweeps > 2) {
                throw new IllegalArgumentException("iterations per tile must be >= 1 and sweeps 1 or 2");
            }
        }
    }

    /** Where the pass stands after a tile; {@code tile} counts from 1 over all sweeps. */
    public record Progress(int tile, int tiles, int sweep, TileGrid.Tile region, RgbImage refined,
                           LossBreakdown loss, long elapsedNanos) {
        /** Seconds left at the pace so far. */
        public double secondsLeft() {
            return tile == 0 ? Double.NaN : elapsedNanos / 1e9 / tile * (tiles - tile);
        }
    }

    /** Told after each tile, on the computing thread. */
    @FunctionalInterface
    public interface Listener {
        void tileDone(Progress progress);
    }

    private final JobSpec spec;
    private final RgbImage working;
    private final Settings settings;
    private final Object pictureLock = new Object();
    private volatile boolean cancelled;
    // Guarded by itself: the computing thread waits on it while paused.
    private final Object pauseLock = new Object();
    private boolean paused;
    private int[] picture;
    private int width;
    private int height;

    /**
     * @param spec    the render's settings with {@code longSide} set to the print size
     * @param working the finished render at the working size
     */
    public PrintPass(JobSpec spec, RgbImage working, Settings settings) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.working = Objects.requireNonNull(working, "working");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The tiles the pass will refine, sweeps included: for progress and estimates before it runs. */
    public static int tileCount(int width, int height, Settings settings) {
        TileGrid grid = TileGrid.of(width, height, settings.tileSize(), settings.overlap());
        return grid.size() + (settings.sweeps() == 2 ? grid.shifted().size() : 0);
    }

    /** Stops after the current tile; {@link #run} then returns the picture as far as it got. */
    public void cancel() {
        cancelled = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /** Holds the pass after the current optimiser step until {@link #resume} or {@link #cancel}. */
    public void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    private void awaitResume() {
        synchronized (pauseLock) {
            while (paused && !cancelled) {
                try {
                    pauseLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                }
            }
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** A copy of the print as far as it got (the upscaled render before the first tile); null before run. */
    public RgbImage current() {
        synchronized (pictureLock) {
            return picture == null ? null : new RgbImage(width, height, picture.clone());
        }
    }

    /** The print under {@code tile} as it stands (after the tile's blend); null before run. */
    public RgbImage area(TileGrid.Tile tile) {
        synchronized (pictureLock) {
            return picture == null ? null : TileBlend.crop(picture, width, tile);
        }
    }

    /**
     * Refines the print; returns it when done or cancelled (see {@link #cancelled()}).
     *
     * @throws IllegalStateException when the cost stops being a number; {@link #current} still
     *                               holds every tile finished before it
     */
    public RgbImage run(Listener listener) throws Exception {
        long started = System.nanoTime();
        RgbImage content = ImageResizer.toLongSide(spec.content(), spec.longSide());
        synchronized (pictureLock) {
            width = content.width();
            height = content.height();
            picture = ImageResizer.resize(working, width, height).argb().clone();
        }
        if (cancelled) {
            return current();
        }
        RenderQuality quality = spec.quality();
        ScaleStage.Images images = ScaleStage.Images.prepare(spec.content(), spec.styles(), null,
                quality.matchHistogram());
        List<StyleSource> styles = ScaleStage.stylesAt(images.styles(), working.longSide(), quality.styleScale());
        LiveParameters parameters = spec.parameters();
        TileGrid first = TileGrid.of(width, height, settings.tileSize(), settings.overlap());
        List<TileGrid> sweeps = settings.sweeps() == 2 ? List.of(first, first.shifted()) : List.of(first);
        int tiles = sweeps.stream().mapToInt(TileGrid::size).sum();
        Device device = StyleTransferJob.resolveDevice(spec.device());
        try (BackboneCache.Lease lease = BackboneCache.shared().acquire(spec.backbone(), spec.weights(),
                spec.pooling(), device, DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(device);
             // The whole photo squeezed to a tile's size: the normalisers are means over the
             // whole picture, and its activations have a tile's positions for the Gram scaling.
             StyleTargets shared = new StyleTargets(lease.backbone(), manager,
                     ImageResizer.resize(content, first.tiles().get(0).width(), first.tiles().get(0).height()),
                     styles, DataType.FLOAT32)) {
            new StyleObjective(lease.backbone(), shared).prepare(parameters);
            int done = 0;
            for (int sweep = 0; sweep < sweeps.size(); sweep++) {
                for (TileGrid.Tile tile : sweeps.get(sweep).tiles()) {
                    awaitResume();
                    if (cancelled) {
                        return current();
                    }
                    RgbImage start;
                    synchronized (pictureLock) {
                        start = TileBlend.crop(picture, width, tile);
                    }
                    TileResult result = refineTile(lease.backbone(), manager, shared,
                            TileBlend.crop(content.argb(), width, tile), start, parameters);
                    synchronized (pictureLock) {
                        TileBlend.writeBack(picture, width, tile, result.picture(), settings.overlap());
                    }
                    done++;
                    listener.tileDone(new Progress(done, tiles, sweep + 1, tile, result.picture(), result.loss(),
                            System.nanoTime() - started));
                }
            }
        }
        RgbImage print = current();
        return quality.originalColors() ? OriginalColors.apply(print, content) : print;
    }

    private record TileResult(RgbImage picture, LossBreakdown loss) {
    }

    private TileResult refineTile(Backbone backbone, NDManager manager, StyleTargets shared, RgbImage content,
                                  RgbImage start, LiveParameters parameters) {
        try (NDManager tileManager = manager.newSubManager();
             StyleTargets targets = shared.withContent(content);
             AdamOptimizer adam = new AdamOptimizer(tileManager)) {
            StyleObjective objective = new StyleObjective(backbone, targets);
            objective.prepare(parameters);
            NDArray pixels = ImageTensors.toTensor(tileManager, start, DataType.FLOAT32);
            LossBreakdown loss = null;
            for (int i = 0; i < settings.iterationsPerTile() && !cancelled; i++) {
                awaitResume();
                try (NDManager scope = tileManager.newSubManager()) {
                    loss = adam.step(pixels, (x, s) -> CostGradient.at(objective, x, parameters, s),
                            parameters.learningRate(), scope);
                }
                if (!loss.isFinite()) {
                    throw new IllegalStateException("The cost became " + loss.total()
                            + " in the print pass; lower the learning rate or the weights. The tiles finished so far are kept.");
                }
            }
            return new TileResult(ImageTensors.toImage(pixels), loss);
        }
    }
}
