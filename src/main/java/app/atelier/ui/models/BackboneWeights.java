package app.atelier.ui.models;

import app.atelier.engine.BackboneKind;
import app.atelier.model.CatalogueEntry;
import app.atelier.model.DownloadProgress;
import app.atelier.model.ModelState;
import app.atelier.model.BuiltInWeights;
import app.atelier.model.ModelStatus;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One backbone's row in the Models dialog: what is known about its weights and what is being done
 * to them. Changed by {@link ModelsViewModel} on the FX thread only; views bind to the properties.
 */
public final class BackboneWeights {

    private final CatalogueEntry entry;
    private final ReadOnlyObjectWrapper<ModelState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper(this, "location", "");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper(this, "size", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "Checking…");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper(this, "downloading");
    private final ReadOnlyBooleanWrapper removable = new ReadOnlyBooleanWrapper(this, "removable");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    BackboneWeights(CatalogueEntry entry) {
        this.entry = entry;
    }

    public BackboneKind kind() {
        return entry.kind();
    }

    public String name() {
        return entry.kind().displayName();
    }

    public String description() {
        return entry.description();
    }

    /** Where a download comes from, or how to get the weights when they cannot be downloaded. */
    public String source() {
        return entry.downloadable() ? entry.sources().get(0).toString() : "import only: " + entry.note();
    }

    public boolean downloadable() {
        return entry.downloadable();
    }

    /** The download's size in words, for the Download button's tooltip. */
    public String downloadSize() {
        return entry.downloadBytes() > 0 ? megabytes(entry.downloadBytes()) : "unknown size";
    }

    void show(ModelStatus status, Path installFolder) {
        state.set(status.state());
        location.set(status.location().isPresent() ? status.where() : "—");
        size.set(status.sizeBytes() > 0 ? megabytes(status.sizeBytes()) : "—");
        // The store's own line for a missing backbone names command-line steps; here the buttons are the way.
        detail.set(status.state() == ModelState.MISSING
                ? "Not in any of the folders above. " + (entry.downloadable() ? "Download it, or import" : "Import")
                        + " a file you have (Import…)."
                : status.detail());
        removable.set(status.location().filter(p -> !BuiltInWeights.isBuiltIn(p)).map(p -> p.toAbsolutePath().normalize()
                .startsWith(installFolder.toAbsolutePath().normalize())).orElse(false));
    }

    void startWork(String what) {
        busy.set(true);
        activity.set(what);
        error.set("");
        progress.set(-1);
    }

    void startDownload() {
        startWork("Connecting…");
        downloading.set(true);
    }

    void endWork() {
        busy.set(false);
        downloading.set(false);
        activity.set("");
        progress.set(-1);
    }

    void showProgress(DownloadProgress update) {
        progress.set(update.fraction());
        activity.set(progressText(update));
    }

    void showActivity(String what) {
        activity.set(what);
        progress.set(-1);
    }

    void fail(String message) {
        error.set(message);
    }

    /** "120.3 of 574.7 MB · 8.2 MB/s · 0:55 left". */
    static String progressText(DownloadProgress progress) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%.1f", progress.receivedBytes() / 1e6));
        text.append(progress.totalBytes() > 0 ? String.format(Locale.ROOT, " of %.1f MB", progress.totalBytes() / 1e6) : " MB");
        text.append(String.format(Locale.ROOT, " · %.1f MB/s", progress.bytesPerSecond() / 1e6));
        progress.remaining().ifPresent(left -> text.append(" · ").append(duration(left.toSeconds())).append(" left"));
        return text.toString();
    }

    private static String duration(long seconds) {
        long hours = seconds / 3600;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, (seconds % 3600) / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Present, missing or corrupt; null while the first check runs. */
    public ReadOnlyObjectProperty<ModelState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** What was checked, or what is wrong and how to fix it. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** True while a check, download, import or removal of this backbone runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }

    /** True when the weights in use are in Atelier's own folder, the only place Remove deletes from. */
    public ReadOnlyBooleanProperty removableProperty() {
        return removable.getReadOnlyProperty();
    }

    /** What is happening now, e.g. the bytes, rate and time left of a download; empty when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** 0..1 while the size of the work is known, -1 otherwise (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The last failure and what to do about it; empty when the last action worked. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
