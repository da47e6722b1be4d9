package app.atelier.engine;

/** How the pixels are moved downhill. */
public enum OptimizerKind {
    /** Adam: one cost evaluation per iteration; reacts smoothly to live changes. */
    ADAM,
    /** L-BFGS with a backtracking line search: several evaluations per iteration, far fewer iterations. */
    LBFGS
}
