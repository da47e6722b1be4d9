package app.atelier.ui.memory;

import app.atelier.settings.SettingsDocument;

/**
 * What the studio remembers between launches.
 *
 * @param studio the settings and the pictures' files, in the one settings format
 * @param window the window's place and size, or null before the first close
 */
public record RememberedStudio(SettingsDocument studio, WindowGeometry window) {

    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }
}
