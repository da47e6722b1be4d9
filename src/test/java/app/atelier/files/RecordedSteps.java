package app.atelier.files;

import app.atelier.files.WriteSteps.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes down the file-system steps a real writer takes ("FORCE .x.tmp"), and can stop it just
 * before its n-th step, leaving the files as a crash at that moment would (except that the
 * writer's own clean-up still runs, as it does for a full disk).
 */
public final class RecordedSteps implements WriteSteps {

    /** Thrown where the write is stopped. */
    public static final class Stopped extends IOException {
        Stopped(String step) {
            super("stopped before " + step);
        }
    }

    private final List<String> steps = new ArrayList<>();
    private final int stopBefore;
    private final Path folder;

    private RecordedSteps(Path folder, int stopBefore) {
        this.folder = folder;
        this.stopBefore = stopBefore;
    }

    /** Records every step; paths are written relative to {@code folder}, temporary names as "TEMP". */
    public static RecordedSteps all(Path folder) {
        return new RecordedSteps(folder, Integer.MAX_VALUE);
    }

    /** Records steps and throws {@link Stopped} instead of taking step {@code index} (from 0). */
    public static RecordedSteps stoppingBefore(Path folder, int index) {
        return new RecordedSteps(folder, index);
    }

    @Override
    public void before(Step step, Path path) throws IOException {
        String line = step + " " + shortName(path);
        if (steps.size() == stopBefore) {
            throw new Stopped(line);
        }
        steps.add(line);
    }

    private String shortName(Path path) {
        Path absolute = path.toAbsolutePath();
        Path base = folder.toAbsolutePath();
        String name = absolute.equals(base) ? "." : base.relativize(absolute).toString();
        return name.replaceAll("^\\.([^/]+?)-[-0-9a-z]+\\.tmp$", ".$1-TEMP.tmp")
                .replaceAll("-[0-9a-f]{12}(\\.sha256)?\\.part$", "-TEMP$1.part")
                .replaceAll("-import-[0-9a-f]{12}", "-import-TEMP");
    }

    /** The steps taken, in order. */
    public List<String> steps() {
        return List.copyOf(steps);
    }
}
