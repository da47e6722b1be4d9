package app.atelier.tooling;

import static app.atelier.tooling.FxWaits.after;
import static app.atelier.tooling.FxWaits.waitUntil;

import app.atelier.ui.controls.NumberField;
import app.atelier.ui.images.ImageRequest;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.ScrollPane;

/**
 * Puts the studio in the state {@code scripts/refused-number-shot.sh} photographs: pictures
 * loaded, a large size taken (so the estimate line shows), then 20000 typed into the size field
 * and refused, its tooltip open. Prints READY when the screen may be captured, then waits and
 * closes: the tooltip is a window of its own, which only a capture of the whole screen shows.
 * {@code ScriptedStudio}'s class path, arguments CONTENT STYLE.
 */
public final class RefusedNumberShot {

    private RefusedNumberShot() {
    }

    /** As a user does: the text replaced by typing (not setText, which a formatter parses at once), then Enter. */
    private static void type(NumberField field, String text) {
        field.requestFocus();
        field.selectAll();
        field.replaceSelection(text);
        field.commitValue();
    }

    public static void main(String[] args) {
        ScriptedStudio.launch((stage, window, studio) -> {
            studio.content().offer(List.of(new ImageRequest.FromFile(Path.of(args[0]))));
            studio.styles().offer(List.of(new ImageRequest.FromFile(Path.of(args[1]))));
            waitUntil(() -> studio.content().image() != null && !studio.styles().entries().isEmpty(), () -> {
                NumberField size = (NumberField) window.lookup("#output-size");
                ScrollPane controls = (ScrollPane) window.lookup("#controls-scroll");
                controls.setVvalue(controls.getVmax() * 0.6);
                type(size, "2048");
                after(1, () -> {
                    type(size, "20000");
                    after(1.5, () -> {
                        System.out.println("Refused: " + size.refusalProperty().get() + "; tooltip showing: "
                                + size.getTooltip().isShowing());
                        System.out.println("READY");
                        System.out.flush();
                        after(6, Platform::exit);
                    });
                });
            });
        });
    }
}
