package app.atelier.ui.controls;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The two-column label/control grid every settings section is laid out in. FX thread only. */
final class SettingsGrid {

    private SettingsGrid() {
    }

    static GridPane create() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(96);
        labels.setHalignment(HPos.LEFT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** A label with its tooltip in the first column, the control it names in the second; returns the label. */
    static Label row(GridPane grid, int row, String label, String tip, Node control) {
        Label text = new Label(label);
        text.setTooltip(new Tooltip(tip));
        text.setLabelFor(control);
        grid.add(text, 0, row);
        grid.add(control, 1, row);
        return text;
    }
}
