package app.atelier.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Tells an optimisation that has diverged from one that works, and remembers the last picture
 * known to be good. An iteration's cost measures the picture the iteration before made, so a
 * frame counts as good only once the next cost has been found finite and in range.
 *
 * <p>Used only on the job's worker thread.
 */
final class DivergenceWatch {

    /**
     * How far a cost may rise above the first one measured at the current size and settings.
     * Working runs lower their cost from the first step (measured with SqueezeNet: Adam and L-BFGS,
     * every start image, coarse to fine); a learning rate of 1 or more throws every pixel to black
     * or white and raises it about 100-fold in one step, 0.2 about 6-fold.
     */
    static final double RISE = 20;

    private double reference = Double.NaN;
    /** A finite cost was seen in this job: a later NaN cannot be the weights file's. */
    private boolean finiteSeen;
    private Frame unmeasured;
    private Frame good;

    /** The cost's scale changes (new size, pictures or settings): compare with the next cost from now on. */
    void restart() {
        reference = Double.NaN;
    }

    /**
     * @param loss the cost an iteration started from
     * @return why the optimisation has diverged, for the user; empty when it has not
     */
    Optional<String> check(LossBreakdown loss, int iteration, LiveParameters parameters) {
        if (!loss.isFinite()) {
            if (Double.isNaN(loss.total()) && !finiteSeen) {
                // NaN before any finite cost: no step did it, and weights that overflow give Infinity.
                return Optional.of(String.format(Locale.ROOT, "The cost was NaN from iteration %d on: the"
                        + " backbone's weights file most likely holds values that are not numbers (import or"
                        + " download it again), or the weights (α %s, β %s, γ %s) are too large to compute with.",
                        iteration, parameters.alpha(), parameters.beta(), parameters.tvWeight()));
            }
            return Optional.of(String.format(Locale.ROOT, "The cost became %s at iteration %d: the weights"
                    + " (α %s, β %s, γ %s) are too large to compute with; lower them and start again.",
                    loss.total(), iteration, parameters.alpha(), parameters.beta(), parameters.tvWeight()));
        }
        finiteSeen = true;
        if (Double.isNaN(reference) || reference == 0) {
            reference = loss.total();
        } else if (loss.total() > RISE * reference) {
            return Optional.of(String.format(Locale.ROOT, "The cost rose from %.4g to %.4g at iteration %d:"
                    + " the optimisation diverged; lower the learning rate (now %s) and start again.",
                    reference, loss.total(), iteration, parameters.learningRate()));
        }
        if (unmeasured != null) {
            good = unmeasured;
        }
        return Optional.empty();
    }

    /** The frame an iteration just published; it is good once the next cost says so. */
    void published(Frame frame) {
        unmeasured = frame;
    }

    /** The latest frame whose picture was measured good, if any. */
    Optional<Frame> lastGood() {
        return Optional.ofNullable(good);
    }
}
