package app.atelier.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.atelier.ui.memory.RememberedStudio.WindowGeometry;
import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window's size and place on laptop screens, two monitors and a monitor that is gone. */
class WindowPlacementTest {

    /** 1280x720 with a 30 px panel at the top, as GNOME leaves it. */
    private static final Rectangle2D LAPTOP_720 = new Rectangle2D(0, 30, 1280, 690);
    private static final Rectangle2D LAPTOP_768 = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 1280, 1024);

    @Test
    void theFirstWindowFillsASmallLaptopScreenAndNeverStartsOffIt() {
        // Before: 1440x900 at (-80,-60) on a 1280x720 screen, menus and side panels cut off.
        assertThat(WindowPlacement.first(LAPTOP_720)).isEqualTo(LAPTOP_720);
        assertThat(WindowPlacement.first(LAPTOP_768)).isEqualTo(new Rectangle2D(0, 0, 1366, 728));
        assertThat(WindowPlacement.first(FULL_HD)).isEqualTo(new Rectangle2D(240, 75, 1440, 900));
        for (Rectangle2D screen : List.of(LAPTOP_720, LAPTOP_768, FULL_HD, RIGHT_MONITOR)) {
            assertThat(contains(screen, WindowPlacement.first(screen))).as(screen.toString()).isTrue();
        }
    }

    @Test
    void aRememberedWindowIsShrunkAndMovedOntoTheScreenItMostlyLiesOn() {
        WindowGeometry bigOnLaptop = new WindowGeometry(-80, -60, 1440, 900, false);
        assertThat(WindowPlacement.fit(bigOnLaptop, List.of(LAPTOP_720), LAPTOP_720)).isEqualTo(LAPTOP_720);

        WindowGeometry hangingOffTheRight = new WindowGeometry(1100, 100, 1000, 600, false);
        assertThat(WindowPlacement.fit(hangingOffTheRight, List.of(LAPTOP_768), LAPTOP_768))
                .isEqualTo(new Rectangle2D(366, 100, 1000, 600));

        WindowGeometry onTheRightMonitor = new WindowGeometry(2000, 50, 1100, 800, false);
        assertThat(WindowPlacement.fit(onTheRightMonitor, List.of(FULL_HD, RIGHT_MONITOR), FULL_HD))
                .isEqualTo(new Rectangle2D(2000, 50, 1100, 800));
    }

    @Test
    void aWindowOnAMonitorThatIsGoneOpensAsTheFirstTime() {
        WindowGeometry onTheRightMonitor = new WindowGeometry(2000, 50, 1100, 800, false);
        assertThat(WindowPlacement.fit(onTheRightMonitor, List.of(FULL_HD), FULL_HD)).isEqualTo(WindowPlacement.first(FULL_HD));
        // Only a sliver on screen cannot be grabbed: reset too.
        WindowGeometry sliver = new WindowGeometry(1900, 500, 1000, 600, false);
        assertThat(WindowPlacement.fit(sliver, List.of(FULL_HD), FULL_HD)).isEqualTo(WindowPlacement.first(FULL_HD));
        assertThat(WindowPlacement.fit(new WindowGeometry(Double.NaN, 0, 800, 600, false), List.of(FULL_HD), FULL_HD))
                .isEqualTo(WindowPlacement.first(FULL_HD));
        assertThat(WindowPlacement.fit(new WindowGeometry(0, 0, 0, 0, false), List.of(FULL_HD), FULL_HD))
                .isEqualTo(WindowPlacement.first(FULL_HD));
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() && inner.getMinY() >= outer.getMinY()
                && inner.getMaxX() <= outer.getMaxX() && inner.getMaxY() <= outer.getMaxY();
    }
}
