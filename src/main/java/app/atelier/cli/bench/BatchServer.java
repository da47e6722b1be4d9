package app.atelier.cli.bench;

import app.atelier.engine.JobSpec;
import app.atelier.engine.JobState;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One configuration kept running in this process, timed in short batches on command, so that a
 * driver (bench/pairs.py) can alternate it with the PyTorch reference without measuring either
 * side's start-up. The line protocol, the same as {@code bench/reference.py --serve}:
 * <pre>
 *   (after set-up and warm-up)  READY impl=atelier width=W height=H gflop_per_eval=G
 *   RUN k                   ->  BATCH iterations=n evaluations=e restarted=r ms=t1,t2,...
 *   QUIT                    ->  END peak_rss_mb=M
 * </pre>
 * A batch resumes the app's own job, pauses it again while its k-th iteration runs, and waits
 * until the worker has parked, so no computation spills into the other side's batch; n is k, or
 * k + 1 in the rare case that an iteration ends before the pause request reaches it.
 */
public final class BatchServer {

    /** An iteration of VGG19 at 512 px takes seconds on two cores; a stuck job must still end. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /** A job that never ends by itself; L-BFGS may still converge, and then a fresh one starts. */
    private static final int ENDLESS = 1_000_000;

    private final BenchConfig config;
    private final BenchSetup setup;
    private final JobSpec spec;
    private RecordingJob job;
    private int evaluationsSoFar;

    private BatchServer(BenchConfig config, BenchSetup setup) {
        this.config = config;
        this.setup = setup;
        this.spec = setup.spec(config.backbone(), config.size(), config.optimizer(), ENDLESS);
    }

    /** Serves commands from {@code in} until QUIT or its end; runs on the calling thread. */
    public static void serve(BenchConfig config, BenchSetup setup, BufferedReader in, PrintWriter out)
            throws Exception {
        BatchServer server = new BatchServer(config, setup);
        try {
            server.start();
            server.batch(config.warmup());
            RgbImage scaled = ImageResizer.toLongSide(setup.content(), config.size());
            double gflop = FlopCount.perEvaluation(config.backbone(), scaled.width(), scaled.height(),
                    server.spec.parameters()) / 1e9;
            reply(out, String.format(Locale.ROOT, "READY impl=atelier width=%d height=%d gflop_per_eval=%.4f",
                    scaled.width(), scaled.height(), gflop));
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+");
                if (words[0].equals("QUIT")) {
                    break;
                } else if (words[0].equals("RUN") && words.length == 2) {
                    reply(out, server.batch(Integer.parseInt(words[1])));
                } else if (!words[0].isEmpty()) {
                    reply(out, "ERROR unknown command '" + line.trim() + "'; RUN k or QUIT");
                }
            }
        } finally {
            server.closeJob();
        }
        reply(out, String.format(Locale.ROOT, "END peak_rss_mb=%.1f",
                PeakMemory.peakBytes().orElse(0) / (1024.0 * 1024.0)));
    }

    private static void reply(PrintWriter out, String line) {
        out.println(line);
        out.flush();
    }

    private void start() {
        job = new RecordingJob(spec, frame -> { });
        evaluationsSoFar = 0;
    }

    private void closeJob() throws Exception {
        if (job != null) {
            job.close();
            job = null;
        }
    }

    /** Runs {@code iterations} iterations (rarely one more), then parks the job; the BATCH line. */
    private String batch(int iterations) throws Exception {
        List<Double> millis = new ArrayList<>();
        int evaluationsBefore = evaluationsSoFar;
        int evaluations = 0;
        int restarted = 0;
        while (millis.size() < iterations) {
            if (job.state().isFinished()) {
                // The optimiser converged: go on timing the same work in a fresh job.
                evaluations += evaluationsSoFar - evaluationsBefore;
                closeJob();
                start();
                evaluationsBefore = 0;
                restarted++;
            }
            job.job().resume();
            // RUNNING is announced as the worker leaves its pause for the next iteration.
            job.awaitState(JobState.RUNNING, PATIENCE);
            while (millis.size() < iterations - 1) {
                Optional<RecordingJob.Arrival> arrival = job.nextUnlessEnded(PATIENCE);
                if (arrival.isEmpty()) {
                    break;
                }
                take(arrival.get(), millis);
            }
            // The pause lands while the last wanted iteration runs: the worker finishes it and parks.
            // Records and states reach the listener in the order the worker published them, so once
            // PAUSED (or the end) is seen, every iteration of this batch has been received.
            job.job().pause();
            job.awaitState(JobState.PAUSED, PATIENCE);
            Optional<RecordingJob.Arrival> late;
            while ((late = job.poll()).isPresent()) {
                take(late.get(), millis);
            }
        }
        evaluations += evaluationsSoFar - evaluationsBefore;
        return String.format(Locale.ROOT, "BATCH iterations=%d evaluations=%d restarted=%d ms=%s", millis.size(),
                evaluations, restarted,
                millis.stream().map(ms -> String.format(Locale.ROOT, "%.3f", ms)).collect(Collectors.joining(",")));
    }

    private void take(RecordingJob.Arrival arrival, List<Double> millis) {
        millis.add(arrival.record().nanos() / 1e6);
        evaluationsSoFar = arrival.record().evaluations();
    }
}
