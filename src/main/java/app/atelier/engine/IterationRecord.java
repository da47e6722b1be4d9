package app.atelier.engine;

/**
 * The numbers of one finished iteration; every record reaches every listener, none are dropped.
 *
 * @param iteration         1-based iteration number
 * @param loss              the cost evaluated at the image this iteration started from
 * @param parameters        the live parameters this iteration used
 * @param parametersChanged true when {@code parameters} differ from the previous iteration's
 * @param nanos             wall time of the iteration
 */
public record IterationRecord(int iteration, LossBreakdown loss, LiveParameters parameters,
                              boolean parametersChanged, long nanos) {
}
