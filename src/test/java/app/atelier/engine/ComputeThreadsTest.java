package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComputeThreadsTest {

    /** A thread of this process as /proc shows it: CPU time so far (ticks) and nice value. */
    private record ThreadStat(String name, long cpuTicks, int nice) {
    }

    /** This process's threads whose kernel name starts with the prefix, by thread id. */
    private static Map<String, ThreadStat> threads(String prefix, String excluded) throws IOException {
        Map<String, ThreadStat> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name;
                String stat;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                if (name.startsWith(prefix) && !name.contains(excluded)) {
                    // Fields after the name in parentheses: state is field 3, utime 14, stime 15, nice 19.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
                    threads.put(task.getFileName().toString(),
                            new ThreadStat(name, ticks, Integer.parseInt(fields[19 - 3])));
                }
            }
        }
        return threads;
    }

    /**
     * Nice values of the job threads that computed between two looks: idle job workers of other
     * owners (windows opened by earlier tests) carry the same name prefix but use no CPU.
     */
    private static List<Integer> niceOfBusyThreads(Map<String, ThreadStat> before, Map<String, ThreadStat> after) {
        List<Integer> nice = new ArrayList<>();
        after.forEach((id, stat) -> {
            ThreadStat earlier = before.get(id);
            if (earlier == null || stat.cpuTicks() > earlier.cpuTicks()) {
                nice.add(stat.nice());
            }
        });
        return nice;
    }

    @Test
    void aJobComputesAtLowPriorityWithItsOpenMpThreadsWhileTheCallerKeepsItsOwn() throws Exception {
        assumeTrue(ComputeThreads.currentThreadNice().isPresent(), "thread priorities are set on Linux only");
        assumeTrue(!"normal".equals(System.getProperty(StyleTransferJob.NORMAL_PRIORITY_PROPERTY)),
                "run with -Datelier.computePriority=normal");
        int callerNice = ComputeThreads.currentThreadNice().orElseThrow();
        RgbImage dog = ImageLoader.load(TestData.image("dog.jpg"));
        RgbImage scream = ImageLoader.load(TestData.image("scream.jpg"));
        JobSpec spec = new JobSpec(BackboneKind.SQUEEZENET1_1, TestData.squeezenet(), Pooling.MAX, ComputeDevice.CPU,
                dog, List.of(new StyleSource(scream, 1)), 128, InitMode.CONTENT, 1, 1_000_000,
                Defaults.parameters(BackboneKind.SQUEEZENET1_1));
        JobRecorder recorder = new JobRecorder();
        List<Integer> computeNice;
        try (StyleTransferJob job = StyleTransferJob.start(spec)) {
            job.subscribe(recorder);
            JobRecorder.await("three iterations", 60, () -> recorder.iterations() >= 3);
            // The worker and the OpenMP threads it started carry its name; its listeners are "-l…".
            Map<String, ThreadStat> before = threads("atelier-job-", "-l");
            JobRecorder.await("eight iterations", 120, () -> recorder.iterations() >= 8);
            computeNice = niceOfBusyThreads(before, threads("atelier-job-", "-l"));
            job.stop();
            assertThat(job.awaitFinished(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(computeNice).isNotEmpty().allMatch(nice -> nice == ComputeThreads.COMPUTE_NICE);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(computeNice).as("the worker and at least one OpenMP thread").hasSizeGreaterThan(1);
        }
        assertThat(ComputeThreads.currentThreadNice()).contains(callerNice);
    }

    @Test
    void openMpThreadsSpinBrieflyThenSleepUnlessTheUserChoseTheirWait() {
        assumeTrue(ComputeThreads.currentThreadNice().isPresent(), "environment settings are made on Linux only");
        String before = ComputeThreads.openMpWait().orElseThrow();
        ComputeThreads.preferSleepingOpenMpThreads();
        String after = ComputeThreads.openMpWait().orElseThrow();
        if (before.equals("null/null")) {
            assertThat(after).isEqualTo("passive/" + ComputeThreads.SHORT_SPIN);
        } else {
            assertThat(after).as("the user's choice is kept").isEqualTo(before);
        }
    }
}
