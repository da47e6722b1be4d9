package app.atelier.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Real {@link Dragboard}s for tests: the JavaFX class itself over an in-memory toolkit clipboard,
 * the part a window system would otherwise provide (headless Monocle has no drag source). The
 * pane's own handlers read it through the public Dragboard API, exactly as for a desktop drop.
 */
final class MemoryDragboards {

    private MemoryDragboards() {
    }

    /** A dragboard holding {@code content}. FX thread. */
    static Dragboard holding(ClipboardContent content) {
        Dragboard dragboard = DragboardHelper.createDragboard(new MemoryClipboard());
        dragboard.setContent(content);
        return dragboard;
    }

    /** Fires a drag-over then, when the target accepted it, a drop at the node's centre; returns whether it was accepted. FX thread. */
    static boolean dragAndDrop(Node target, Dragboard dragboard) {
        DragEvent over = event(target, DragEvent.DRAG_OVER, dragboard);
        Event.fireEvent(target, over);
        if (!over.isAccepted()) {
            return false;
        }
        Event.fireEvent(target, event(target, DragEvent.DRAG_DROPPED, dragboard));
        Event.fireEvent(target, event(target, DragEvent.DRAG_EXITED_TARGET, dragboard));
        Event.fireEvent(target, event(target, DragEvent.DRAG_EXITED, dragboard));
        return true;
    }

    static DragEvent event(Node target, javafx.event.EventType<DragEvent> type, Dragboard dragboard) {
        var bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        return new DragEvent(type, dragboard, x, y, x, y, TransferMode.COPY, null, null, null);
    }

    private static final class MemoryClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new LinkedHashMap<>();

        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            content.clear();
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.get(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
