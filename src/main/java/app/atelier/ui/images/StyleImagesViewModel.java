package app.atelier.ui.images;

import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The style paintings, each with a blend weight. FX thread only. */
public final class StyleImagesViewModel implements ImageOfferTarget {

    public static final double DEFAULT_WEIGHT = 1.0;

    /** The list reports weight edits as updates, so one listener sees every change that needs new targets. */
    private final ObservableList<StyleEntry> entries =
            FXCollections.observableArrayList(entry -> new Observable[] {entry.weightProperty()});
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public ObservableList<StyleEntry> entries() {
        return entries;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Adds every picture offered. */
    @Override
    public void offer(List<ImageRequest> requests) {
        load(requests, outcome -> outcome.images().forEach(image -> entries.add(new StyleEntry(image, DEFAULT_WEIGHT))));
    }

    /** Replaces {@code entry} with the first picture offered, keeping its weight and place. */
    public void replace(StyleEntry entry, List<ImageRequest> requests) {
        load(requests.isEmpty() ? requests : List.of(requests.get(0)), outcome -> {
            int index = entries.indexOf(entry);
            if (!outcome.images().isEmpty() && index >= 0) {
                entries.set(index, new StyleEntry(outcome.images().get(0), entry.weight()));
            }
        });
    }

    public void add(LoadedImage image, double weight) {
        entries.add(new StyleEntry(image, weight));
    }

    public void remove(StyleEntry entry) {
        entries.remove(entry);
        message.set("");
    }

    private void load(List<ImageRequest> requests, java.util.function.Consumer<ImageLoading.Outcome> use) {
        if (requests.isEmpty()) {
            message.set(NOTHING_USABLE);
            return;
        }
        loading.set(true);
        message.set("");
        ImageLoading.loadAll(requests, outcome -> {
            loading.set(false);
            use.accept(outcome);
            message.set(String.join("\n", outcome.failures()));
        });
    }
}
