package app.atelier.cli;

import app.atelier.engine.Frame;
import app.atelier.image.PngWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code --save-every} pictures beside the output: {@code out.png} gives {@code out-0050.png},
 * {@code out-0100.png}... Frames arrive latest-wins, so when one is skipped the next frame is saved
 * under its own iteration number.
 */
final class IntermediateSaver {

    private final Path out;
    private final int every;
    private final int total;
    private final Map<String, String> metadata;
    private final PrintWriter err;
    private int nextSave;

    /** @param every 0 to save nothing */
    IntermediateSaver(Path out, int every, int total, Map<String, String> metadata, PrintWriter err) {
        this.out = out;
        this.every = every;
        this.total = total;
        this.metadata = metadata;
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
        try {
            PngWriter.write(frame.image(), target,
                    RenderMetadata.withIterationsDone(metadata, frame.iteration(), total));
        } catch (IOException e) {
            // The render goes on: the final picture matters more than the snapshots.
            err.println(System.lineSeparator() + "Warning: " + e.getMessage());
            err.flush();
        }
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
