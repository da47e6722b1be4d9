package app.atelier.engine;

import java.util.Arrays;

/**
 * The sizes of a coarse-to-fine render and the iterations at each: √2 apart, ending at exactly
 * the requested long side. When √2 steps would go below {@value #SMALLEST} px the steps shrink
 * so the first size is {@value #SMALLEST} px (or the output size itself, if smaller), because the
 * backbones' deeper taps have no positions left below that.
 */
final class ScaleSchedule {

    static final int SMALLEST = 48;
    private static final double STEP = Math.sqrt(2);

    private final int[] longSides;
    private final int[] iterations;

    private ScaleSchedule(int[] longSides, int[] iterations) {
        this.longSides = longSides;
        this.iterations = iterations;
    }

    /**
     * @param iterationsPerScale iterations at every size; 0 splits {@code totalIterations} evenly
     *                           (the larger sizes get the remainder)
     */
    static ScaleSchedule of(int longSide, int scales, int totalIterations, int iterationsPerScale) {
        int[] sides = new int[scales];
        double ratio = STEP;
        double smallest = longSide / Math.pow(STEP, scales - 1);
        int floor = Math.min(SMALLEST, longSide);
        if (scales > 1 && smallest < floor) {
            ratio = Math.pow((double) longSide / floor, 1.0 / (scales - 1));
        }
        for (int i = 0; i < scales; i++) {
            sides[i] = (int) Math.round(longSide / Math.pow(ratio, scales - 1 - i));
        }
        sides[scales - 1] = longSide;
        int[] counts = new int[scales];
        if (iterationsPerScale > 0) {
            Arrays.fill(counts, iterationsPerScale);
        } else {
            for (int i = 0; i < scales; i++) {
                counts[i] = totalIterations / scales + (i >= scales - totalIterations % scales ? 1 : 0);
            }
        }
        return new ScaleSchedule(sides, counts);
    }

    int count() {
        return longSides.length;
    }

    /** Long side in px of size {@code index} (0 = the smallest). */
    int longSide(int index) {
        return longSides[index];
    }

    int iterations(int index) {
        return iterations[index];
    }

    int totalIterations() {
        return Arrays.stream(iterations).sum();
    }

    /** The same iteration counts at sizes ending at {@code longSide}; for a retarget to a new size. */
    ScaleSchedule resizedTo(int longSide) {
        ScaleSchedule sized = of(longSide, count(), 0, 1);
        return new ScaleSchedule(sized.longSides, iterations.clone());
    }

    @Override
    public String toString() {
        return Arrays.toString(longSides) + " px, " + Arrays.toString(iterations) + " iterations";
    }
}
