package app.atelier.engine;

public enum JobState {
    /** Loading weights and computing targets. */
    PREPARING,
    RUNNING,
    PAUSED,
    /** Stopped by the user; the last frame stays available. */
    STOPPED,
    /** All iterations done. */
    COMPLETED,
    /** Ended by an error (see {@link JobListener#onStateChanged}); the last good frame stays available. */
    FAILED;

    public boolean isFinished() {
        return this == STOPPED || this == COMPLETED || this == FAILED;
    }
}
