package app.atelier.engine;

import app.atelier.image.RgbImage;

/**
 * A picture of the job at the end of an iteration. Listeners receive the latest frame only:
 * when they are slower than the optimiser, intermediate frames are skipped.
 */
public record Frame(IterationRecord record, int totalIterations, RgbImage image) {
    public int iteration() {
        return record.iteration();
    }
}
