package app.atelier.ui.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.atelier.TestData;
import app.atelier.engine.BackboneKind;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.CatalogueEntry;
import app.atelier.model.ModelState;
import app.atelier.model.ModelStore;
import app.atelier.model.RandomVgg19Weights;
import app.atelier.model.SafetensorsWriter;
import app.atelier.model.WeightsDownloader;
import app.atelier.model.WeightsSearchPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Models dialog over real weights folders: the shared SqueezeNet is listed as present, VGG19
 * as missing until a VGG19-shaped file is imported into a temporary user folder; downloads from a
 * server on this machine show their progress and can be cancelled; an unreachable source says to
 * import instead. Nothing is ever written into the shared folder.
 */
@ExtendWith(ApplicationExtension.class)
class ModelsDialogTest {

    @TempDir
    Path dir;

    private Stage stage;
    private ModelsViewModel models;
    private HttpServer server;
    private final CountDownLatch releaseServer = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stopServer() {
        releaseServer.countDown();
        if (server != null) {
            server.stop(0);
        }
        if (models != null) {
            models.shutdown();
        }
    }

    private Path sharedModels() {
        Optional<Path> shared = TestData.models();
        assumeTrue(shared.isPresent() && WeightsSearchPath.findIn(shared.get(), BackboneKind.SQUEEZENET1_1).isPresent(),
                "the shared models folder with squeezenet1_1/ was not found; set ATELIER_MODELS to it");
        return shared.get();
    }

    /** Opens the dialog's pane over {@code searched} plus a temporary user folder. */
    private Path open(FxRobot robot, List<Path> searched, Function<BackboneKind, CatalogueEntry> catalogue,
                      WeightsChooser chooser) {
        Path userModels = dir.resolve("user-models");
        ModelStore store = new ModelStore(new WeightsSearchPath(searched), userModels, new WeightsDownloader(), catalogue);
        robot.interact(() -> {
            models = new ModelsViewModel(store, catalogue);
            Scene scene = new Scene(new ModelsPane(models, chooser, stage::hide), 760, 640);
            scene.getStylesheets().add(Objects.requireNonNull(ModelsDialog.class.getResource("/app/atelier/models.css")).toExternalForm());
            stage.setScene(scene);
            stage.show();
            models.refresh();
        });
        return userModels;
    }

    private void waitForState(BackboneKind kind, ModelState state) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> models.backbone(kind).stateProperty().get() == state && !models.backbone(kind).busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void listsTheSharedSqueezeNetAsPresentAndVgg19AsMissingUntilImported(FxRobot robot) throws Exception {
        Path shared = sharedModels();
        Path vggFile = writeVgg19Shaped(dir.resolve("elsewhere").resolve("my-vgg19.safetensors"));
        Path userModels = open(robot, List.of(shared), BackboneCatalogue::entry, (owner, kind, folder) -> {
            assertThat(kind).isEqualTo(BackboneKind.VGG19);
            assertThat(folder).isFalse();
            return Optional.of(vggFile);
        });

        waitForState(BackboneKind.SQUEEZENET1_1, ModelState.PRESENT);
        waitForState(BackboneKind.VGG19, ModelState.MISSING);
        assertThat(text(robot, "#models-state-squeezenet1_1")).isEqualTo("Present");
        assertThat(text(robot, "#models-location-squeezenet1_1")).isEqualTo(shared.resolve("squeezenet1_1").toString());
        assertThat(text(robot, "#models-size-squeezenet1_1")).endsWith(" MB");
        assertThat(text(robot, "#models-source-squeezenet1_1")).startsWith("https://download.pytorch.org/");
        assertThat(robot.lookup("#models-remove-squeezenet1_1").queryButton().isDisabled())
                .as("weights in a shared folder cannot be removed from the dialog").isTrue();
        assertThat(text(robot, "#models-state-vgg19")).isEqualTo("Missing");
        assertThat(text(robot, "#models-detail-vgg19")).startsWith("Not in any of the folders above. Download it");
        assertThat(robot.lookup("#models-download-vgg19").queryButton().isDisabled()).isFalse();

        robot.clickOn("#models-import-vgg19");
        waitForState(BackboneKind.VGG19, ModelState.PRESENT);

        assertThat(text(robot, "#models-state-vgg19")).isEqualTo("Present");
        assertThat(Path.of(text(robot, "#models-location-vgg19"))).startsWith(userModels);
        assertThat(text(robot, "#models-error-vgg19")).isEmpty();
        assertThat(robot.lookup("#models-download-vgg19").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#models-remove-vgg19").queryButton().isDisabled()).isFalse();
        assertThat(Files.exists(shared.resolve("vgg19.safetensors"))).isFalse();
    }

    @Test
    void aHostileCheckpointIsRefusedInOneLineAndTheRowStaysUsable(FxRobot robot) throws Exception {
        // A list that contains itself, used as a dict key: it used to overflow the worker's stack.
        Path hostile = app.atelier.model.HostileCheckpoints.selfContainingListKey(dir.resolve("hostile.pth"));
        open(robot, List.of(), BackboneCatalogue::entry, (owner, kind, folder) -> Optional.of(hostile));
        waitForState(BackboneKind.VGG19, ModelState.MISSING);

        robot.clickOn("#models-import-vgg19");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !models.backbone(BackboneKind.VGG19).busyProperty().get()
                && !robot.lookup("#models-error-vgg19").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#models-error-vgg19")).contains("hostile.pth").contains("refused").doesNotContain("\n");
        assertThat(text(robot, "#models-state-vgg19")).isEqualTo("Missing");
        assertThat(robot.lookup("#models-import-vgg19").queryButton().isDisabled()).isFalse();
    }

    @Test
    void aDownloadShowsBytesRateAndCanBeCancelled(FxRobot robot) throws Exception {
        byte[] half = new byte[2_000_000];
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            // The published size: a server offering another is refused before anything is downloaded.
            exchange.sendResponseHeaders(200, BackboneCatalogue.entry(BackboneKind.VGG19).downloadBytes());
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(half);
                out.flush();
                // Holds the connection open with half the file sent, as a slow link would.
                releaseServer.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models/");
        Path userModels = open(robot, List.of(), BackboneCatalogue.mirroredAt(mirror), (owner, kind, folder) -> Optional.empty());
        waitForState(BackboneKind.VGG19, ModelState.MISSING);

        robot.clickOn("#models-download-vgg19");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> models.backbone(BackboneKind.VGG19).progressProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        // Progress is reported at most ten times a second, so the bar may stop short of the half sent.
        assertThat(text(robot, "#models-activity-vgg19")).matches("\\d+\\.\\d of 574\\.7 MB · \\d+\\.\\d MB/s.*");
        assertThat(robot.lookup("#models-progress-vgg19").queryAs(ProgressBar.class).getProgress()).isBetween(0.0, 0.01);
        Button cancel = robot.lookup("#models-cancel-vgg19").queryButton();
        assertThat(cancel.isVisible()).isTrue();

        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !models.backbone(BackboneKind.VGG19).busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#models-error-vgg19")).startsWith("Download cancelled");
        assertThat(text(robot, "#models-state-vgg19")).isEqualTo("Missing");
        assertThat(robot.lookup("#models-cancel-vgg19").queryButton().isVisible()).isFalse();
        assertThat(WeightsSearchPath.findIn(userModels, BackboneKind.VGG19)).isEmpty();
    }

    @Test
    void anUnreachableSourceSaysToImportInstead(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI mirror = URI.create("http://127.0.0.1:" + closedPort + "/models/");
        open(robot, List.of(), BackboneCatalogue.mirroredAt(mirror), (owner, kind, folder) -> Optional.empty());
        waitForState(BackboneKind.SQUEEZENET1_1, ModelState.MISSING);

        robot.clickOn("#models-download-squeezenet1_1");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !models.backbone(BackboneKind.SQUEEZENET1_1).errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#models-error-squeezenet1_1"))
                .contains("cannot reach 127.0.0.1")
                .contains("Import…");
        assertThat(robot.lookup("#models-error-squeezenet1_1").queryAs(Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#models-state-squeezenet1_1")).isEqualTo("Missing");
    }

    @Test
    void choosingABackboneWithoutWeightsOffersToOpenTheDialog(FxRobot robot) throws Exception {
        ModelStore store = new ModelStore(new WeightsSearchPath(List.of()), dir.resolve("user-models"), new WeightsDownloader());
        ModelsDialog[] dialog = new ModelsDialog[1];
        robot.interact(() -> {
            models = new ModelsViewModel(store);
            dialog[0] = new ModelsDialog(models, (owner, kind, folder) -> Optional.empty());
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 300, 200));
            stage.show();
            dialog[0].offerIfMissing(BackboneKind.VGG19, stage);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane offer = robot.lookup("#models-offer").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(offer.getHeaderText()).isEqualTo("VGG19's weights are not on this computer");

        robot.interact(() -> ((Button) offer.lookupButton(offer.getButtonTypes().get(0))).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#models-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> models.backbone(BackboneKind.VGG19).stateProperty().get() == ModelState.MISSING);
        assertThat(robot.lookup("#models-state-vgg19").queryAs(Label.class).getText()).isEqualTo("Missing");
    }

    /** VGG19's 32 convolution tensors with random values of a fixed seed. */
    private static Path writeVgg19Shaped(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        SafetensorsWriter.write(file, RandomVgg19Weights.tensors(3));
        return file;
    }
}
