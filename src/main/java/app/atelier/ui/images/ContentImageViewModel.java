package app.atelier.ui.images;

import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The content photo: at most one picture, replaced by whatever the user offers next. FX thread only. */
public final class ContentImageViewModel implements ImageOfferTarget {

    private final ReadOnlyObjectWrapper<LoadedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public ReadOnlyObjectProperty<LoadedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public LoadedImage image() {
        return image.get();
    }

    /** A refusal or load error for the user; empty when all is well. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    @Override
    public void offer(List<ImageRequest> requests) {
        if (requests.isEmpty()) {
            message.set(NOTHING_USABLE);
            return;
        }
        loading.set(true);
        message.set("");
        ImageLoading.loadAll(List.of(requests.get(0)), outcome -> {
            loading.set(false);
            if (!outcome.images().isEmpty()) {
                image.set(outcome.images().get(0));
            }
            message.set(String.join("\n", outcome.failures()));
        });
    }

    public void set(LoadedImage value) {
        image.set(value);
        message.set("");
    }

    public void remove() {
        image.set(null);
        message.set("");
    }
}
