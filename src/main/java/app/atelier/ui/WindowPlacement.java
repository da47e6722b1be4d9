package app.atelier.ui;

import app.atelier.ui.memory.RememberedStudio.WindowGeometry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the studio window opens: the first time at its preferred size, shrunk to the screen's
 * visible area (a 1280x720 laptop has about 1280x690 under its panel); later where it was left,
 * moved and shrunk onto the screen it mostly lies on, or placed as the first time when it is off
 * every screen (a monitor unplugged since). Pure arithmetic on rectangles, so every screen size can
 * be tested without one; {@link #apply} puts the result on a stage.
 */
public final class WindowPlacement {

    static final double PREFERRED_WIDTH = 1440;
    static final double PREFERRED_HEIGHT = 900;
    /** Below this the side panels and the picture are too cramped to use; smaller screens get the whole screen. */
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;
    /** How much of a remembered window must show on a screen for it to count as on that screen (enough to grab its title bar). */
    private static final double MIN_VISIBLE = 100;

    private WindowPlacement() {
    }

    /** The first window: the preferred size, no larger than {@code visual}, centred in it. */
    static Rectangle2D first(Rectangle2D visual) {
        double width = Math.min(PREFERRED_WIDTH, visual.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, visual.getHeight());
        return new Rectangle2D(visual.getMinX() + (visual.getWidth() - width) / 2,
                visual.getMinY() + (visual.getHeight() - height) / 2, width, height);
    }

    /**
     * A remembered window fitted to the screens there are now ({@code screens}: their visual bounds),
     * or the first placement on {@code primary} when it is on none of them.
     */
    static Rectangle2D fit(WindowGeometry remembered, List<Rectangle2D> screens, Rectangle2D primary) {
        if (remembered == null || !(remembered.width() > 0 && remembered.height() > 0)
                || !Double.isFinite(remembered.x()) || !Double.isFinite(remembered.y())) {
            return first(primary);
        }
        Rectangle2D window = new Rectangle2D(remembered.x(), remembered.y(), remembered.width(), remembered.height());
        Optional<Rectangle2D> home = screens.stream()
                .filter(screen -> overlap(window, screen).map(o -> o.getWidth() >= Math.min(MIN_VISIBLE, window.getWidth())
                        && o.getHeight() >= Math.min(MIN_VISIBLE / 2, window.getHeight())).orElse(false))
                .max(Comparator.comparingDouble(screen -> area(overlap(window, screen))));
        if (home.isEmpty()) {
            return first(primary);
        }
        Rectangle2D screen = home.get();
        double width = Math.min(window.getWidth(), screen.getWidth());
        double height = Math.min(window.getHeight(), screen.getHeight());
        double x = clamp(window.getMinX(), screen.getMinX(), screen.getMaxX() - width);
        double y = clamp(window.getMinY(), screen.getMinY(), screen.getMaxY() - height);
        return new Rectangle2D(x, y, width, height);
    }

    /** Sizes and places {@code stage} on this machine's screens, from {@code remembered} when there is one. */
    public static void apply(Stage stage, Optional<WindowGeometry> remembered) {
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D place = remembered.map(r -> fit(r, screens, primary)).orElseGet(() -> first(primary));
        apply(stage, place, screens.stream().filter(s -> s.intersects(place)).findFirst().orElse(primary));
        remembered.ifPresent(r -> stage.setMaximized(r.maximized()));
    }

    /** Puts {@code place} on {@code stage}, with minimum sizes no larger than {@code screen}. */
    static void apply(Stage stage, Rectangle2D place, Rectangle2D screen) {
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setX(place.getMinX());
        stage.setY(place.getMinY());
        stage.setWidth(place.getWidth());
        stage.setHeight(place.getHeight());
    }

    private static Optional<Rectangle2D> overlap(Rectangle2D a, Rectangle2D b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? Optional.of(new Rectangle2D(minX, minY, maxX - minX, maxY - minY)) : Optional.empty();
    }

    private static double area(Optional<Rectangle2D> rectangle) {
        return rectangle.map(r -> r.getWidth() * r.getHeight()).orElse(0.0);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
