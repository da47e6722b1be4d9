package app.atelier.ui;

import app.atelier.ui.actions.ActionBar;
import app.atelier.ui.actions.UnsavedRenderPrompt;
import app.atelier.ui.chart.LossChart;
import app.atelier.ui.controls.ControlsPane;
import app.atelier.ui.history.HistoryStrip;
import app.atelier.ui.images.ContentPane;
import app.atelier.ui.images.StylePane;
import app.atelier.ui.models.ModelsDialog;
import app.atelier.ui.notify.NotificationView;
import app.atelier.ui.notify.UserMessage;
import app.atelier.ui.print.PrintDialog;
import app.atelier.ui.result.ResultPane;
import app.atelier.ui.status.StatusView;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The studio's layout: menus and toolbar on top, pictures in on the left, the live result and its
 * loss chart in the middle, settings on the right, the history strip and the status at the bottom.
 */
public final class StudioWindow extends BorderPane {

    public static final String STYLESHEET = "/app/atelier/studio.css";

    private final ContentPane contentPane;
    private final StylePane stylePane;
    private final ResultPane resultPane;
    private final LossChart lossChart;
    private final ModelsDialog models;
    private final StudioViewModel studio;
    private final UnsavedRenderPrompt unsavedPrompt;
    private final HistoryStrip historyStrip;
    private final PrintDialog printDialog;
    private ActionBar actionBar;

    public StudioWindow(StudioViewModel studio, Runnable quit) {
        this.studio = studio;
        setId("studio");
        getStyleClass().add("studio");
        contentPane = new ContentPane(studio.content());
        stylePane = new StylePane(studio.styles());
        VBox inputs = new VBox(18, contentPane, stylePane);
        inputs.getStyleClass().add("side-column");
        ScrollPane left = scroll(inputs, "inputs-scroll");

        resultPane = new ResultPane(studio.render().frameProperty(), studio.content().imageProperty());
        resultPane.acceptRenderDrops(studio.files()::openRender);
        lossChart = new LossChart(studio.history());
        studio.render().totalIterationsProperty().addListener((obs, old, total) -> lossChart.showIterations(total.intValue()));
        // Between runs the axis previews the next run's length.
        lossChart.showIterations(studio.settings().iterationsProperty().get());
        studio.settings().iterationsProperty().addListener((obs, old, total) -> {
            if (!studio.render().activeProperty().get()) {
                lossChart.showIterations(total.intValue());
            }
        });
        SplitPane centre = new SplitPane(resultPane, lossChart);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.7);
        models = ModelsDialog.forStudio(this, studio.settings().backboneProperty());
        NotificationView notifications = new NotificationView(centre, studio.messages(), action -> {
            if (action == UserMessage.Action.OPEN_MODELS) {
                models.show(getScene().getWindow());
            }
        });

        ScrollPane right = scroll(new ControlsPane(studio.settings(), studio.render().activeProperty()), "controls-scroll");

        printDialog = new PrintDialog(studio);
        unsavedPrompt = new UnsavedRenderPrompt(studio.files(), () -> actionBar.chooseImageTarget());
        actionBar = new ActionBar(studio, resultPane.view(), () -> contentPane.dropZone().openFileDialog(),
                () -> stylePane.dropZone().openFileDialog(), () -> models.show(getScene().getWindow()),
                () -> printDialog.show(getScene().getWindow()),
                () -> unsavedPrompt.closeOrAsk(getScene().getWindow(), quit),
                () -> unsavedPrompt.startAfreshOrAsk(getScene().getWindow(), studio::startAfresh));
        setTop(actionBar);
        setLeft(left);
        setCenter(notifications);
        setRight(right);
        historyStrip = new HistoryStrip(studio.renders());
        setBottom(new VBox(historyStrip, new StatusView(studio.render())));
    }

    /**
     * Makes the close button ask before an unsaved or running render is lost; {@code close} then
     * closes the window for good. FX thread.
     */
    public void guardClose(javafx.stage.Stage stage, Runnable close) {
        unsavedPrompt.guard(stage, close);
    }

    public UnsavedRenderPrompt unsavedPrompt() {
        return unsavedPrompt;
    }

    /** Stops the run and ends every background thread of the studio and its Models dialog. When the window closes. */
    public void shutdown() {
        studio.shutdown();
        models.models().shutdown();
    }

    private static ScrollPane scroll(javafx.scene.Node content, String id) {
        ScrollPane pane = new ScrollPane(content);
        pane.setId(id);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().add("side-scroll");
        return pane;
    }

    public ContentPane contentPane() {
        return contentPane;
    }

    public StylePane stylePane() {
        return stylePane;
    }

    public ResultPane resultPane() {
        return resultPane;
    }

    public HistoryStrip historyStrip() {
        return historyStrip;
    }

    public LossChart lossChart() {
        return lossChart;
    }
}
