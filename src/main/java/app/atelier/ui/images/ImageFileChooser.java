package app.atelier.ui.images;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.FileChooser;

/** File dialogs for pictures, opening where the user last picked one. FX thread only. */
public final class ImageFileChooser {

    private static File lastFolder;

    private ImageFileChooser() {
    }

    public static FileChooser create(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images (JPEG, PNG)", "*.jpg", "*.jpeg", "*.png", "*.JPG", "*.JPEG", "*.PNG"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    /** Remembers the folder of a picture the user chose or dropped. */
    public static void remember(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            lastFolder = parent.toFile();
        }
    }
}
