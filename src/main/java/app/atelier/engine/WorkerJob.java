package app.atelier.engine;

/** What a {@link JobWorker} runs: a style-transfer job or a print; the worker stops them when it shuts down. */
interface WorkerJob {

    /** Ends the job soon (after its current step) or, while it is queued, before it computes. Any thread. */
    void stop();
}
