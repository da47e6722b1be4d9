package app.atelier.ui.images;

import app.atelier.image.RgbImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A picture the user gave the studio, decoded and ready for the engine.
 *
 * @param name      what to call it in the window (file name, URL tail or "pasted image")
 * @param file      where it came from when it was a local file; empty for URLs and raw image data
 * @param image     the full-size pixels
 * @param thumbnail a small copy for the image panes
 */
public record LoadedImage(String name, Optional<Path> file, RgbImage image, RgbImage thumbnail) {

    public String sizeText() {
        return image.width() + " × " + image.height() + " px";
    }
}
