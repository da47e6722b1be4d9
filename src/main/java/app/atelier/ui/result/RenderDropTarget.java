package app.atelier.ui.result;

import app.atelier.ui.images.ImageDropZone;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;

/**
 * Makes the picture area take a saved render: a PNG (or settings file) dropped on it hands its
 * path on, so the studio can restore the settings and pictures it was made with. Highlights while
 * such a file hovers. Handlers run on the FX thread.
 */
final class RenderDropTarget {

    private RenderDropTarget() {
    }

    static void install(Region region, Consumer<Path> open) {
        region.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getGestureSource() == null && renderFile(event.getDragboard()).isPresent()) {
                event.acceptTransferModes(TransferMode.COPY);
                if (!region.getStyleClass().contains(ImageDropZone.HOVER)) {
                    region.getStyleClass().add(ImageDropZone.HOVER);
                }
                event.consume();
            }
        });
        region.addEventHandler(DragEvent.DRAG_EXITED, event -> region.getStyleClass().remove(ImageDropZone.HOVER));
        region.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            Optional<Path> file = renderFile(event.getDragboard());
            region.getStyleClass().remove(ImageDropZone.HOVER);
            file.ifPresent(open);
            event.setDropCompleted(file.isPresent());
            event.consume();
        });
    }

    /** The first PNG or JSON file dragged; whether it holds settings is for the reader to say. */
    private static Optional<Path> renderFile(Dragboard board) {
        if (!board.hasFiles()) {
            return Optional.empty();
        }
        return board.getFiles().stream().map(File::toPath).filter(path -> {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".png") || name.endsWith(".json");
        }).findFirst();
    }
}
