package app.atelier.cli;

import app.atelier.engine.Frame;
import app.atelier.image.PngWriter;
import app.atelier.settings.SettingsCodec;
import app.atelier.settings.SettingsDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code --save-every} pictures beside the output: {@code out.png} gives {@code out-0050.png},
 * {@code out-0100.png}... Frames arrive latest-wins, so when one is skipped the next frame is saved
 * under its own iteration number.
 */
final class IntermediateSaver {

    private final Path out;
    private final int every;
    private final int total;
    private final SettingsDocument settings;
    private final PrintWriter err;
    private final OutputCheck check;
    private int nextSave;

    /**
     * @param every 0 to save nothing
     * @param check refuses a snapshot name that is an input, a link or a special file
     */
    IntermediateSaver(Path out, int every, int total, SettingsDocument settings, PrintWriter err,
                      OutputCheck check) {
        this.check = check;
        this.out = out;
        this.every = every;
        this.total = total;
        this.settings = settings;
        this.err = err;
        this.nextSave = every;
    }

    /** Called on the progress listener's delivery thread with each frame it receives. */
    void offer(Frame frame) {
        if (every <= 0 || frame.iteration() < nextSave) {
            return;
        }
        nextSave = (frame.iteration() / every + 1) * every;
        Path target = pathFor(frame.iteration());
        var problem = check.problem(target, "--save-every");
        if (problem.isPresent()) {
            warn("not saved: " + problem.get());
            return;
        }
        try {
            PngWriter.write(frame.image(), target, SettingsCodec.toPngText(settings.atIteration(frame.iteration())));
        } catch (IOException e) {
            // The render goes on: the final picture matters more than the snapshots.
            warn(e.getMessage());
        }
    }

    private void warn(String message) {
        err.println(System.lineSeparator() + "Warning: " + message);
        err.flush();
    }

    Path pathFor(int iteration) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : ".png";
        int digits = Math.max(4, Integer.toString(total).length());
        return out.resolveSibling(String.format(Locale.ROOT, "%s-%0" + digits + "d%s", stem, iteration, extension));
    }
}
