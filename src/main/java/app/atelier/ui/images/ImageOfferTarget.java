package app.atelier.ui.images;

import java.util.List;

/** A place pictures can be dropped, pasted or opened into. */
public interface ImageOfferTarget {

    String NOTHING_USABLE = "Nothing here is an image. Drop or paste a JPEG or PNG file, or an image from a web page.";

    /** Takes the offered pictures; decoding happens in the background. Call on the FX thread. */
    void offer(List<ImageRequest> requests);
}
