package app.atelier.ui.models;

import app.atelier.engine.BackboneKind;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for weights to import. FX thread only; tests give their own. */
public interface WeightsChooser {

    /**
     * @param folder true for a folder of .npy files, false for a .safetensors or .pth file
     * @return the chosen file or folder; empty when the user cancelled
     */
    Optional<Path> choose(Window owner, BackboneKind kind, boolean folder);

    /** The platform's file and folder choosers. */
    static WeightsChooser standard() {
        return (owner, kind, folder) -> {
            File chosen;
            if (folder) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Import " + kind.displayName() + ": the folder of .npy files");
                chosen = chooser.showDialog(owner);
            } else {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Import " + kind.displayName() + " weights");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Weights (.safetensors, .pth)", "*.safetensors", "*.pth"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                chosen = chooser.showOpenDialog(owner);
            }
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
