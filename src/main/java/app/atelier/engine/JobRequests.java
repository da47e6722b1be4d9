package app.atelier.engine;

import app.atelier.image.RgbImage;
import java.util.List;
import java.util.Objects;

/**
 * What the user asks of a running job (pause, resume, stop, new live parameters, new pictures or
 * size) and the spec as it stands after those requests. Any thread asks and is answered at once;
 * the optimisation loop takes the requests up between iterations through {@link #awaitTurn()},
 * which is also where a pause holds the worker.
 *
 * <p>Thread-safe.
 */
final class JobRequests {

    /** New pictures or a new size: the targets are recomputed before the next iteration. */
    record Retarget(RgbImage content, List<StyleSource> styles, int longSide) {
    }

    /** What the loop does next: end ({@code stop}), or go on, first applying {@code retarget} when not null. */
    record Turn(boolean stop, Retarget retarget) {
    }

    private static final Turn STOP = new Turn(true, null);
    private static final Turn GO_ON = new Turn(false, null);

    private final Object lock = new Object();
    private final JobOutput output;

    // Guarded by lock.
    private JobSpec spec;
    private LiveParameters parameters;
    private boolean pauseRequested;
    private boolean stopRequested;
    private Retarget pendingRetarget;

    /** @param output where a pause and the resume after it are announced */
    JobRequests(JobSpec spec, JobOutput output) {
        this.spec = spec;
        this.parameters = spec.parameters();
        this.output = output;
    }

    /**
     * Applies from the next iteration.
     *
     * @throws IllegalArgumentException when a layer does not exist in this job's backbone
     */
    void setParameters(LiveParameters value) {
        Objects.requireNonNull(value, "parameters");
        synchronized (lock) {
            requireKnownLayers(spec.backbone(), value);
            parameters = value;
        }
    }

    LiveParameters parameters() {
        synchronized (lock) {
            return parameters;
        }
    }

    JobSpec spec() {
        synchronized (lock) {
            return spec;
        }
    }

    /** A later call replaces a retarget not yet taken up. */
    void retarget(RgbImage content, List<StyleSource> styles, int longSide) {
        synchronized (lock) {
            JobSpec updated = new JobSpec(spec.backbone(), spec.weights(), spec.pooling(), spec.device(), content,
                    styles, longSide, spec.init(), spec.seed(), spec.iterations(), spec.parameters(), spec.quality());
            pendingRetarget = new Retarget(updated.content(), updated.styles(), updated.longSide());
            spec = updated;
            lock.notifyAll();
        }
    }

    void pause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** Announces RUNNING unless a stop came first; false then. Worker thread. */
    boolean startRunning() {
        synchronized (lock) {
            if (stopRequested) {
                return false;
            }
            output.publishState(JobState.RUNNING);
            return true;
        }
    }

    /**
     * Worker thread, between iterations: blocks while paused (announcing PAUSED, then RUNNING on
     * resume) and says what to do next. An interrupt counts as a stop.
     */
    Turn awaitTurn() {
        synchronized (lock) {
            while (pauseRequested && !stopRequested) {
                if (output.state() != JobState.PAUSED) {
                    output.publishState(JobState.PAUSED);
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (stopRequested) {
                return STOP;
            }
            if (output.state() == JobState.PAUSED) {
                output.publishState(JobState.RUNNING);
            }
            Retarget retarget = pendingRetarget;
            pendingRetarget = null;
            return retarget == null ? GO_ON : new Turn(false, retarget);
        }
    }

    /** @throws IllegalArgumentException naming the layer and the ones the backbone has */
    static void requireKnownLayers(BackboneKind backbone, LiveParameters parameters) {
        for (String layer : parameters.contentLayers()) {
            requireTap(backbone, layer, "content");
        }
        for (StyleLayer layer : parameters.styleLayers()) {
            requireTap(backbone, layer.name(), "style");
        }
    }

    private static void requireTap(BackboneKind backbone, String layer, String role) {
        if (!backbone.taps().contains(layer)) {
            throw new IllegalArgumentException("unknown " + role + " layer '" + layer + "' for "
                    + backbone.displayName() + "; choose from " + String.join(", ", backbone.taps()));
        }
    }
}
