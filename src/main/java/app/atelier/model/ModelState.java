package app.atelier.model;

/** Whether a backbone's weights can be used. */
public enum ModelState {
    /** Found and checked. */
    PRESENT,
    /** Not found in any folder of the search path. */
    MISSING,
    /** Found, but damaged, incomplete or of the wrong shapes; the status detail says what. */
    CORRUPT
}
