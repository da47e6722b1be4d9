package app.atelier.ui.status;

import app.atelier.ui.job.RenderViewModel;
import java.time.Duration;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;

/** The status bar: what the job does, iteration n of N, iterations per second, time left, progress. */
public final class StatusView extends StatusBar {

    public StatusView(RenderViewModel render) {
        setId("status-bar");
        textProperty().bind(render.phaseProperty());
        progressProperty().bind(Bindings.createDoubleBinding(
                () -> render.activeProperty().get() || render.progressProperty().get() > 0 ? render.progressProperty().get() : 0,
                render.progressProperty(), render.activeProperty()));

        Label iteration = new Label();
        iteration.setId("status-iteration");
        iteration.textProperty().bind(Bindings.createStringBinding(
                () -> render.totalIterationsProperty().get() == 0 ? ""
                        : "Iteration " + render.iterationProperty().get() + " of " + render.totalIterationsProperty().get(),
                render.iterationProperty(), render.totalIterationsProperty()));
        Label scale = new Label();
        scale.setId("status-scale");
        scale.textProperty().bind(render.scaleProperty());
        Label speed = new Label();
        speed.setId("status-speed");
        speed.textProperty().bind(Bindings.createStringBinding(
                () -> render.iterationsPerSecondProperty().get() <= 0 ? ""
                        : String.format(Locale.ROOT, "%.1f it/s", render.iterationsPerSecondProperty().get()),
                render.iterationsPerSecondProperty()));
        Label eta = new Label();
        eta.setId("status-eta");
        eta.textProperty().bind(Bindings.createStringBinding(
                () -> render.activeProperty().get() && render.timeLeftProperty().get() != null
                        ? "ETA " + clock(render.timeLeftProperty().get()) : "",
                render.timeLeftProperty(), render.activeProperty()));
        for (Label label : new Label[] {scale, iteration, speed, eta}) {
            label.getStyleClass().add("status-item");
        }
        getRightItems().addAll(scale, iteration, speed, eta);
    }

    /** "1:05" or "1:02:05": a time left, rounded up to the second. */
    public static String clock(Duration duration) {
        long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
