package app.atelier.tooling;

import static app.atelier.tooling.FxWaits.after;

import app.atelier.engine.BackboneKind;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;

/**
 * Puts the studio in the state {@code scripts/bfloat16-shot.sh} photographs: pictures
 * loaded, the Quality section open at the bottom of the settings column with "Faster arithmetic
 * (bfloat16)" ticked (when this machine offers it) and its row's tooltip open. Prints READY when
 * the screen may be captured, then waits and closes. {@code ScriptedStudio}'s class path,
 * arguments CONTENT STYLE.
 */
public final class Bfloat16Shot {

    private Bfloat16Shot() {
    }

    public static void main(String[] args) {
        ScriptedStudio.requireArguments(args, "Bfloat16Shot", "CONTENT", "STYLE");
        ScriptedStudio.launch((stage, window, studio) -> ScriptedStudio.open(studio, BackboneKind.SQUEEZENET1_1, 512,
                Path.of(args[0]), Path.of(args[1]), () -> {
                    ((TitledPane) window.lookup("#quality-pane")).setExpanded(true);
                    after(0.5, () -> {
                        ScrollPane controls = (ScrollPane) window.lookup("#controls-scroll");
                        controls.setVvalue(controls.getVmax());
                        CheckBox box = (CheckBox) window.lookup("#bfloat16");
                        if (!box.isDisabled()) {
                            box.setSelected(true);
                        }
                        after(0.5, () -> {
                            Node row = window.lookup("#bfloat16-row");
                            Bounds bounds = row.localToScreen(row.getBoundsInLocal());
                            Tooltip tip = row.getProperties().values().stream()
                                    .filter(Tooltip.class::isInstance).map(Tooltip.class::cast).findFirst().orElseThrow();
                            tip.show(row, bounds.getMinX() - 120, bounds.getMaxY() + 4);
                            after(1, () -> {
                                System.out.println("bfloat16 offered: " + !box.isDisabled() + "; tooltip: "
                                        + tip.getText());
                                System.out.println("READY");
                                System.out.flush();
                                after(6, Platform::exit);
                            });
                        });
                    });
                }));
    }
}
