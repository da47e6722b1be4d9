package app.atelier.engine;

/**
 * The numbers of one finished iteration; every record reaches every listener, none are dropped.
 *
 * @param iteration         1-based iteration number
 * @param loss              the cost evaluated at the image this iteration started from
 * @param parameters        the live parameters this iteration used
 * @param parametersChanged true when {@code parameters} differ from the previous iteration's
 * @param nanos             wall time of the iteration
 * @param evaluations       cost evaluations since the job started, this iteration's included (Adam makes
 *                          one per iteration, L-BFGS one or more)
 * @param scale             1-based number of the size this iteration ran at (coarse-to-fine)
 * @param scales            how many sizes the job runs through; 1 = single scale
 * @param startedNanos      {@link System#nanoTime()} when the iteration began, before it read its
 *                          parameters: an iteration that began after {@code setParameters} returned
 *                          must use the new values
 */
public record IterationRecord(int iteration, LossBreakdown loss, LiveParameters parameters,
                              boolean parametersChanged, long nanos, int evaluations, int scale, int scales,
                              long startedNanos) {

    /** A single-scale iteration with one evaluation per iteration. */
    public IterationRecord(int iteration, LossBreakdown loss, LiveParameters parameters,
                           boolean parametersChanged, long nanos) {
        this(iteration, loss, parameters, parametersChanged, nanos, iteration, 1, 1, 0);
    }
}
