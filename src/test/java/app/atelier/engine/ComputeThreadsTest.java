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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComputeThreadsTest {

    /** Nice values of this process's threads whose kernel name starts with the prefix. */
    private static List<Integer> niceOfThreads(String prefix, String excluded) throws IOException {
        List<Integer> nice = new ArrayList<>();
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
                    // Fields after the name in parentheses: state is field 3, nice is field 19.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    nice.add(Integer.parseInt(fields[19 - 3]));
                }
            }
        }
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
            computeNice = niceOfThreads("atelier-job-", "-l");
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
