package app.atelier.ui.about;

import app.atelier.AtelierVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: the version and the third-party notices, the weights' licences among them. */
public final class AboutDialog {

    static final String NOTICES = "/app/atelier/about/THIRD-PARTY-NOTICES.txt";
    static final String ICON = "/app/atelier/icons/atelier-128.png";

    private AboutDialog() {
    }

    /** Shows the dialog and returns at once. FX thread only. */
    public static Alert show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About Atelier");
        alert.setHeaderText("Atelier " + AtelierVersion.current());
        try (InputStream icon = AboutDialog.class.getResourceAsStream(ICON)) {
            if (icon != null) {
                alert.setGraphic(new ImageView(new Image(icon)));
            }
        } catch (IOException e) {
            // No icon is no reason to withhold the notices.
        }
        Label summary = new Label("A desktop studio for neural style transfer (Gatys et al.).\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        TextArea notices = new TextArea(notices());
        notices.setId("about-notices");
        notices.setEditable(false);
        notices.setWrapText(true);
        notices.setPrefSize(620, 360);
        VBox content = new VBox(10, summary, notices);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().setId("about-dialog");
        alert.show();
        return alert;
    }

    static String notices() {
        try (InputStream in = Objects.requireNonNull(AboutDialog.class.getResourceAsStream(NOTICES), NOTICES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
