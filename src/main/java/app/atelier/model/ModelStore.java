package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The backbones' weights on this machine, for the Models dialog and the {@code models} command:
 * status, download, import and remove. No JavaFX here; the dialog wraps it in a view model.
 *
 * <p>Weights are looked up along the {@link WeightsSearchPath}; downloads and imports go into
 * one install folder (the user's data folder unless told otherwise), and only what is in that
 * folder can be removed: shared folders named by {@code ATELIER_MODELS} are never written.
 */
public final class ModelStore implements AutoCloseable {

    private final WeightsSearchPath searchPath;
    private final Path installFolder;
    private final WeightsDownloader downloader;
    private final Function<BackboneKind, CatalogueEntry> catalogue;
    private final ExecutorService downloads = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "atelier-weights-download");
        thread.setDaemon(true);
        return thread;
    });

    public ModelStore(WeightsSearchPath searchPath, Path installFolder, WeightsDownloader downloader) {
        this(searchPath, installFolder, downloader, BackboneCatalogue::entry);
    }

    /**
     * @param catalogue where each backbone comes from: {@link BackboneCatalogue#entry} normally; a
     *                  mirror, or a server on this machine for tests and screenshots
     */
    public ModelStore(WeightsSearchPath searchPath, Path installFolder, WeightsDownloader downloader,
               Function<BackboneKind, CatalogueEntry> catalogue) {
        this.catalogue = catalogue;
        this.searchPath = searchPath.withFolder(installFolder);
        this.installFolder = installFolder;
        this.downloader = downloader;
    }

    /** The standard search path, installing into the user's data folder. */
    public static ModelStore standard() {
        return standard(BackboneCatalogue::entry);
    }

    /** The standard search path and install folder, downloading from {@code catalogue} (e.g. a mirror). */
    public static ModelStore standard(Function<BackboneKind, CatalogueEntry> catalogue) {
        Path folder = WeightsSearchPath.userDataFolder()
                .orElseGet(() -> Path.of(System.getProperty("user.home", "."), ".atelier", "models"));
        return new ModelStore(WeightsSearchPath.standard(), folder, new WeightsDownloader(), catalogue);
    }

    public Path installFolder() {
        return installFolder;
    }

    public WeightsSearchPath searchPath() {
        return searchPath;
    }

    /**
     * Where {@code kind} stands: found and checked, missing, or corrupt. Cheap enough for a
     * dialog (SqueezeNet's files are hashed; VGG19's header and shapes are checked). Blocks.
     */
    public ModelStatus status(BackboneKind kind) {
        return inspect(kind, false);
    }

    /** Like {@link #status} but also hashes VGG19's file against the hash recorded at import. Blocks. */
    public ModelStatus verify(BackboneKind kind) {
        return inspect(kind, true);
    }

    public List<ModelStatus> statuses() {
        List<ModelStatus> result = new ArrayList<>();
        for (BackboneKind kind : BackboneKind.values()) {
            result.add(status(kind));
        }
        return result;
    }

    private ModelStatus inspect(BackboneKind kind, boolean deep) {
        Optional<Path> found = searchPath.find(kind);
        if (found.isEmpty()) {
            CatalogueEntry entry = catalogue.apply(kind);
            String way = entry.downloadable()
                    ? "download it (atelier models download " + kind.id() + ") or import a file (atelier models import PATH)"
                    : "import it (atelier models import PATH --as " + kind.id() + ")";
            return new ModelStatus(kind, ModelState.MISSING, Optional.empty(), 0,
                    "not found in " + searchPath.describe() + "; " + way);
        }
        return WeightsInspector.inspect(kind, found.get(), deep);
    }

    /** Checks {@code source} and installs it as {@code kind}, replacing an installed copy. Blocks. */
    public ModelStatus importFrom(Path source, BackboneKind kind) throws IOException {
        return importFrom(source, Optional.of(kind));
    }

    /**
     * Checks {@code source} and installs it as {@code kind}, replacing an installed copy. Blocks.
     *
     * @param kind empty to tell from the file
     */
    public ModelStatus importFrom(Path source, Optional<BackboneKind> kind) throws IOException {
        BackboneKind chosen = kind.isPresent() ? kind.get() : WeightsImporter.detectKind(source);
        try {
            WeightsImporter.importInto(source, chosen, installFolder);
        } catch (FileSystemException e) {
            throw inInstallFolder("install " + chosen.displayName() + " into", e);
        }
        return WeightsInspector.inspect(chosen, WeightsImporter.installedLocation(installFolder, chosen), true);
    }

    /**
     * Downloads {@code kind} from the catalogue's source, verifies it and installs the part
     * Atelier keeps, on a background thread; the published file is deleted after conversion.
     *
     * @param listener hears progress on the download thread
     */
    public DownloadTask download(BackboneKind kind, DownloadListener listener) {
        CancelSignal signal = new CancelSignal();
        CompletableFuture<Path> result = new CompletableFuture<>();
        downloads.execute(() -> {
            try {
                result.complete(downloadNow(kind, listener, signal));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return new DownloadTask(result, signal);
    }

    /** {@link #download} on the calling thread. */
    public Path downloadNow(BackboneKind kind, DownloadListener listener, CancelSignal cancel) throws IOException {
        CatalogueEntry entry = catalogue.apply(kind);
        if (!entry.downloadable()) {
            throw new IOException(entry.kind().displayName() + " has no download source Atelier can vouch for. "
                    + entry.note());
        }
        try {
            return downloadInto(entry, listener, cancel);
        } catch (FileSystemException e) {
            throw inInstallFolder("download " + entry.kind().displayName() + " into", e);
        }
    }

    private Path downloadInto(CatalogueEntry entry, DownloadListener listener, CancelSignal cancel) throws IOException {
        Files.createDirectories(installFolder);
        URI source = entry.sources().get(0);
        String fileName = Path.of(source.getPath()).getFileName().toString();
        Path published = installFolder.resolve("downloads").resolve(fileName);
        // A verified file from an earlier run whose conversion did not finish is used again.
        if (!Files.isRegularFile(published) || !entry.sha256().map(p -> matches(published, p)).orElse(false)) {
            downloader.download(new WeightsDownloader.Request(source, published, entry.sha256(),
                    entry.downloadBytes(), 3), listener, cancel);
        }
        if (cancel.isCancelled()) {
            throw new DownloadCancelledException("Download of " + entry.kind().displayName() + " cancelled");
        }
        listener.stage(DownloadStage.INSTALLING);
        Path installed = WeightsImporter.importInto(published, entry.kind(), installFolder);
        Files.deleteIfExists(published);
        return installed;
    }

    private static boolean matches(Path file, String hash) {
        try {
            return Sha256.matches(Sha256.of(file), hash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes {@code kind}'s weights from the install folder when Atelier installed them there
     * (their hash list carries its mark); weights someone else put there, weights found elsewhere
     * on the search path and the built-in weights inside the application are never touched: the
     * message says why and where they are. Blocks.
     */
    public void remove(BackboneKind kind) throws IOException {
        Path installed = WeightsImporter.installedLocation(installFolder, kind);
        if (!Files.exists(installed)) {
            Optional<Path> elsewhere = searchPath.find(kind);
            if (elsewhere.isPresent() && BuiltInWeights.isBuiltIn(elsewhere.get())) {
                throw new IOException(kind.displayName() + " is not installed in " + installFolder
                        + "; the copy in use is built into Atelier (inside its jar) and cannot be removed");
            }
            throw new IOException(kind.displayName() + " is not installed in " + installFolder
                    + elsewhere.map(p -> "; the copy in use is " + p + ", outside Atelier's folder, and is left alone").orElse(""));
        }
        if (!WeightsImporter.installedByAtelier(installFolder, kind)) {
            throw new IOException(kind.displayName() + " at " + installed + " was not installed by Atelier (no hash list"
                    + " with Atelier's mark beside it), so it is left alone: weights someone else put in a folder,"
                    + " a shared one above all, are never deleted; delete them yourself if they are yours");
        }
        try {
            // Out of the way in one rename first: a crash while deleting leaves a hidden leftover
            // (cleaned up by the next import), never a half-deleted backbone that looks installed.
            Path aside = installed.resolveSibling("." + installed.getFileName() + "-removed-" + System.nanoTime());
            Files.move(installed, aside, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(installed.resolveSibling(installed.getFileName() + WeightsImporter.SIDECAR_SUFFIX));
            WeightsImporter.deleteRecursively(aside);
        } catch (FileSystemException e) {
            throw inInstallFolder("remove " + kind.displayName() + " from", e);
        }
    }

    /**
     * One line naming the install folder for a file-system refusal in it, instead of the bare path
     * that is all an {@link AccessDeniedException}'s message holds; other failures pass unchanged.
     */
    private IOException inInstallFolder(String doing, FileSystemException e) {
        Path folder = installFolder.toAbsolutePath().normalize();
        Path file = e.getFile() == null ? null : Path.of(e.getFile()).toAbsolutePath().normalize();
        boolean denied = e instanceof AccessDeniedException;
        if (file != null && !file.startsWith(folder)) {
            return denied ? new IOException("Could not read " + file + ": permission denied", e) : e;
        }
        String reason = denied ? "permission denied: only the folder's owner may change files there"
                : e.getReason() == null ? "the system refused" : e.getReason();
        return new IOException("Could not " + doing + " " + folder + ": " + reason, e);
    }

    /** Cancels downloads under way (interrupting them) and ends this store's threads. */
    @Override
    public void close() {
        downloads.shutdownNow();
        downloader.close();
    }
}
