package app.atelier.cli;

import app.atelier.model.DownloadListener;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --quiet}, shared by {@code render} and {@code models download}: no progress line (and no
 * loss lines), only results and errors; a download that {@code render --download} starts stays
 * quiet too.
 */
final class QuietOption {

    @Option(names = "--quiet", description = "No progress line, loss lines or progress notes; only results, warnings and errors.")
    private boolean quiet;

    boolean quiet() {
        return quiet;
    }

    /** What a download shows on {@code err}: the terminal's progress line, or nothing when quiet. */
    DownloadListener downloadProgress(PrintWriter err) {
        return quiet ? DownloadListener.NONE : new ModelsCommand.TerminalProgress(err);
    }
}
