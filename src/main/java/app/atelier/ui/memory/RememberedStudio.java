package app.atelier.ui.memory;

import app.atelier.ui.controls.StudioSettings;
import java.util.List;

/**
 * What the studio remembers between launches.
 *
 * @param settings the controls panel
 * @param content  the last content photo's file, or null
 * @param styles   the last style paintings' files with their blend weights
 * @param window   the window's place and size, or null before the first close
 */
public record RememberedStudio(StudioSettings settings, String content, List<RememberedStyle> styles,
                               WindowGeometry window) {

    public record RememberedStyle(String file, double weight) {
    }

    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }

    public RememberedStudio {
        styles = styles == null ? List.of() : List.copyOf(styles);
    }
}
