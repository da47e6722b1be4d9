package app.atelier.ui.job;

import app.atelier.engine.LiveParameters;
import app.atelier.engine.StyleSource;
import app.atelier.engine.StyleTransferJob;
import app.atelier.ui.controls.SettingsViewModel;
import app.atelier.ui.images.ContentImageViewModel;
import app.atelier.ui.images.StyleImagesViewModel;
import app.atelier.ui.notify.MessageCenter;
import app.atelier.ui.notify.UserMessage;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the user's edits to the running job: live parameters at once (they are cheap to take),
 * new pictures or a new size after {@link #RETARGET_DELAY} without further change, since they
 * rebuild the targets. FX thread only.
 */
final class LiveEdits {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEdits.class);
    /** Long enough that dragging a weight field or swapping several styles rebuilds the targets once. */
    static final javafx.util.Duration RETARGET_DELAY = javafx.util.Duration.millis(400);

    private final SettingsViewModel settings;
    private final ContentImageViewModel content;
    private final StyleImagesViewModel styles;
    private final MessageCenter messages;
    private final Supplier<StyleTransferJob> activeJob;
    private final PauseTransition retargetDelay = new PauseTransition(RETARGET_DELAY);

    /** @param activeJob the job that is preparing, running or paused, or null */
    LiveEdits(SettingsViewModel settings, ContentImageViewModel content, StyleImagesViewModel styles,
              MessageCenter messages, Supplier<StyleTransferJob> activeJob) {
        this.settings = settings;
        this.content = content;
        this.styles = styles;
        this.messages = messages;
        this.activeJob = activeJob;
        settings.liveParametersProperty().addListener((obs, old, now) -> passOn(now));
        for (Observable target : List.<Observable>of(content.imageProperty(), styles.entries(), settings.sizeProperty())) {
            target.addListener(obs -> scheduleRetarget());
        }
        retargetDelay.setOnFinished(event -> retarget());
    }

    /** The styles as the engine takes them. */
    static List<StyleSource> styleSources(StyleImagesViewModel styles) {
        return styles.entries().stream().map(entry -> new StyleSource(entry.image().image(), entry.weight())).toList();
    }

    /** Drops a retarget still waiting: a new job starts from the pictures as they are. */
    void cancelPending() {
        retargetDelay.stop();
    }

    private void passOn(LiveParameters parameters) {
        StyleTransferJob job = activeJob.get();
        if (job != null && parameters != null) {
            try {
                job.setParameters(parameters);
            } catch (IllegalArgumentException e) {
                messages.post(UserMessage.error("The running job cannot take this change: " + e.getMessage()));
            }
        }
    }

    private void scheduleRetarget() {
        if (activeJob.get() != null) {
            retargetDelay.playFromStart();
        }
    }

    private void retarget() {
        StyleTransferJob job = activeJob.get();
        if (job == null) {
            return;
        }
        if (content.image() == null || styles.entries().isEmpty()) {
            messages.post(UserMessage.warning("The run keeps its old pictures until there is a content photo and at least one style."));
            return;
        }
        try {
            job.retarget(content.image().image(), styleSources(styles), settings.sizeProperty().get());
            messages.post(UserMessage.info("Pictures or size changed: recomputing the targets. The picture carries on from where it is."));
        } catch (RuntimeException e) {
            LOG.error("Retarget failed", e);
            messages.post(UserMessage.error("Cannot use the new pictures: " + e.getMessage()));
        }
    }
}
