package app.atelier.ui.autosave;

import app.atelier.engine.IterationRecord;
import app.atelier.image.RgbImage;
import app.atelier.settings.SettingsDocument;
import java.util.List;
import java.util.Map;

/**
 * What the autosave keeps of a run.
 *
 * @param document        the settings and the pictures' paths (file-less pictures point at {@code copies})
 * @param picture         the picture on screen
 * @param shown           its iteration's record (the loss history may end a few iterations earlier:
 *                        the chart takes records once per frame)
 * @param totalIterations the run's length
 * @param losses          the loss history, one record per iteration
 * @param copies          pictures that had no file (pasted, dropped from a browser), by file name in the autosave folder
 */
public record AutosaveState(SettingsDocument document, RgbImage picture, IterationRecord shown, int totalIterations,
                           List<IterationRecord> losses, Map<String, RgbImage> copies) {

    public int iteration() {
        return document.iteration() == null ? 0 : document.iteration();
    }
}
