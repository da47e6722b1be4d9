package app.atelier.ui.result;

import app.atelier.engine.Frame;
import app.atelier.ui.images.LoadedImage;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The result view with its small view bar: fit, 100 %, compare and the zoom level. A saved render
 * dropped here brings back its settings (see {@link #acceptRenderDrops}).
 */
public final class ResultPane extends BorderPane {

    private final ResultView view;

    public ResultPane(ObservableValue<Frame> frames, ObservableValue<LoadedImage> content) {
        setId("result-pane");
        view = new ResultView(frames, content);
        Button fit = new Button("Fit", new FontIcon(MaterialDesignF.FIT_TO_SCREEN_OUTLINE));
        fit.setId("zoom-fit");
        fit.setTooltip(new Tooltip("Fit the picture to the window"));
        fit.setOnAction(event -> view.fitToWindow());
        Button actual = new Button("100 %", new FontIcon(MaterialDesignI.IMAGE_SIZE_SELECT_ACTUAL));
        actual.setId("zoom-100");
        actual.setTooltip(new Tooltip("Show the picture pixel for pixel"));
        actual.setOnAction(event -> view.actualSize());
        ToggleButton compare = new ToggleButton("Compare", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setId("compare");
        compare.setTooltip(new Tooltip("Show the photo right of a split line; drag the line to compare"));
        compare.selectedProperty().bindBidirectional(view.compareProperty());
        Label zoom = new Label();
        zoom.setId("zoom-level");
        zoom.getStyleClass().add("hint");
        zoom.textProperty().bind(Bindings.format("%.0f %%", view.scaleProperty().multiply(100)));
        Label hint = new Label("Wheel to zoom, drag to pan");
        hint.getStyleClass().add("hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(6, fit, actual, compare, spacer, hint, zoom);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        setCenter(view);
        setBottom(bar);
    }

    /** A saved render or settings file dropped on the picture area goes to {@code open}. */
    public void acceptRenderDrops(java.util.function.Consumer<java.nio.file.Path> open) {
        RenderDropTarget.install(this, open);
    }

    public ResultView view() {
        return view;
    }
}
