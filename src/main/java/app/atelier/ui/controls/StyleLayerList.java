package app.atelier.ui.controls;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The style taps of the backbone as a check list, each ticked layer with its own weight λ. */
final class StyleLayerList extends VBox {

    private final SettingsViewModel settings;

    StyleLayerList(SettingsViewModel settings) {
        this.settings = settings;
        setId("style-layers");
        getStyleClass().add("layer-list");
        setSpacing(2);
        settings.styleLayers().addListener((ListChangeListener<StyleLayerChoice>) change -> {
            boolean structural = false;
            while (change.next()) {
                structural |= !change.wasUpdated();
            }
            if (structural) {
                rebuild();
            }
        });
        rebuild();
    }

    private void rebuild() {
        getChildren().setAll(settings.styleLayers().stream().map(StyleLayerList::row).toList());
    }

    private static HBox row(StyleLayerChoice layer) {
        CheckBox tick = new CheckBox(layer.name());
        tick.setId("style-layer-" + layer.name());
        tick.selectedProperty().bindBidirectional(layer.enabledProperty());
        NumberField weight = NumberField.forDouble(layer.weightProperty(), 0, 1e9);
        weight.setId("style-layer-weight-" + layer.name());
        weight.setPrefColumnCount(5);
        weight.disableProperty().bind(layer.enabledProperty().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox row = new HBox(6, tick, spacer, weight);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("layer-row");
        return row;
    }
}
