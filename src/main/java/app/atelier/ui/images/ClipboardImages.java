package app.atelier.ui.images;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;

/**
 * Reads what a dragboard or the clipboard offers as picture requests. Works on {@link Clipboard}
 * so drop and paste share one path ({@code Dragboard} is a {@code Clipboard}). Call on the FX thread.
 */
public final class ClipboardImages {

    private static final List<String> IMAGE_SUFFIXES = List.of(".png", ".jpg", ".jpeg", ".jpe", ".jfif");

    private ClipboardImages() {
    }

    /** True when the offer may hold a picture: files, an address or raw image data. */
    public static boolean mayHoldImage(Clipboard board) {
        return board.hasFiles() || board.hasUrl() || board.hasImage();
    }

    /**
     * True when the offer is only files, none of which is named like a picture: the drop target
     * shows a refusal while it hovers. Decoding still decides in the end.
     */
    public static boolean onlyNonImageFiles(Clipboard board) {
        if (!board.hasFiles() || board.hasImage() || board.hasUrl()) {
            return false;
        }
        return board.getFiles().stream().noneMatch(ClipboardImages::looksLikeImage);
    }

    public static boolean looksLikeImage(File file) {
        String name = file.getName().toLowerCase(Locale.ROOT);
        return IMAGE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /**
     * The requests offered, best source first: files, then the address (a browser drag offers the
     * original picture there), then raw pixels.
     */
    public static List<ImageRequest> requests(Clipboard board) {
        List<ImageRequest> result = new ArrayList<>();
        if (board.hasFiles()) {
            for (File file : board.getFiles()) {
                result.add(new ImageRequest.FromFile(file.toPath()));
            }
            return result;
        }
        if (board.hasUrl() && isFetchable(board.getUrl())) {
            result.add(new ImageRequest.FromUrl(board.getUrl().trim()));
            return result;
        }
        if (board.hasImage()) {
            Image image = board.getImage();
            if (image != null && image.getWidth() > 0) {
                result.add(new ImageRequest.FromPixels(pastedName(java.time.LocalDateTime.now()), FxImages.fromFxImage(image)));
            }
            return result;
        }
        if (board.hasContent(DataFormat.PLAIN_TEXT) && isFetchable(board.getString())) {
            result.add(new ImageRequest.FromUrl(board.getString().trim()));
        }
        return result;
    }

    /** What a picture pasted as pixels is called: it has no file name of its own. */
    static String pastedName(java.time.LocalDateTime when) {
        return "pasted-" + when.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    private static boolean isFetchable(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:");
    }
}
