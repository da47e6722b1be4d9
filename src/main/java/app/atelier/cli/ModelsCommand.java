package app.atelier.cli;

import app.atelier.engine.BackboneKind;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.CancelSignal;
import app.atelier.model.CatalogueEntry;
import app.atelier.model.DownloadListener;
import app.atelier.model.DownloadProgress;
import app.atelier.model.DownloadStage;
import app.atelier.model.ModelState;
import app.atelier.model.ModelStatus;
import app.atelier.model.ModelStore;
import app.atelier.model.WeightsDownloader;
import app.atelier.model.WeightsSearchPath;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code atelier models}: list, download, import, verify and remove the backbones' weights. Each
 * subcommand exits non-zero with one line saying what went wrong and how to go on.
 */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Lists, downloads, imports and verifies the networks' weights.",
        description = {
                "Weights are looked for in ATELIER_MODELS / -Datelier.models (a path list), then in the",
                "user's data folder, where downloads and imports are installed, then (SqueezeNet 1.1",
                "only) in Atelier itself: the built-in copy, which no command removes."},
        subcommands = {
                ModelsCommand.ListModels.class,
                ModelsCommand.Download.class,
                ModelsCommand.Import.class,
                ModelsCommand.Verify.class,
                ModelsCommand.Remove.class})
public final class ModelsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--models-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Use only this folder: look for weights there and install into it"
                    + " (instead of the search path and the user's data folder).")
    private Path modelsDir;

    /** Without a subcommand: the list. */
    @Override
    public Integer call() {
        return ListModels.print(store(), spec.commandLine().getOut());
    }

    ModelStore store() {
        return store(BackboneCatalogue::entry);
    }

    /** The store, downloading from {@code catalogue} (the published sources or a mirror). */
    ModelStore store(java.util.function.Function<BackboneKind, CatalogueEntry> catalogue) {
        if (modelsDir != null) {
            return new ModelStore(new WeightsSearchPath(List.of(modelsDir)), modelsDir, new WeightsDownloader(), catalogue);
        }
        return ModelStore.standard(catalogue);
    }

    /**
     * The usable weights of {@code kind}, downloading them first when they are missing or corrupt
     * (for {@code render --download}); what it is doing and its progress go to {@code err} unless quiet. Blocks.
     */
    static Path findOrDownload(ModelStore store, BackboneKind kind, PrintWriter err, QuietOption quiet) throws IOException {
        ModelStatus status = store.status(kind);
        if (status.usable()) {
            return status.location().orElseThrow();
        }
        if (!quiet.quiet()) {
            err.println(kind.displayName() + " is " + status.state().name().toLowerCase(Locale.ROOT)
                    + "; downloading it into " + store.installFolder());
        }
        CancelSignal cancel = new CancelSignal();
        store.downloadNow(kind, quiet.downloadProgress(err), cancel);
        if (!quiet.quiet()) {
            err.println();
        }
        ModelStatus after = store.status(kind);
        if (!after.usable()) {
            throw new IOException("downloaded " + kind.id() + " but it is " + after.state().name().toLowerCase(Locale.ROOT)
                    + ": " + after.detail());
        }
        return after.location().orElseThrow();
    }

    static BackboneKind kind(String name, CommandLine commandLine) {
        try {
            return BackboneKind.fromId(name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String describe(ModelStatus status) {
        String state = status.state().name().toLowerCase(Locale.ROOT);
        String where = status.where();
        String size = status.sizeBytes() > 0 ? "  " + megabytes(status.sizeBytes()) : "";
        return String.format(Locale.ROOT, "%-14s %-8s %s%s%n    %s", status.kind().id(), state, where, size, status.detail());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Each backbone with its status (present, missing, corrupt), location and source.")
    static final class ListModels implements Callable<Integer> {

        @CommandLine.ParentCommand
        private ModelsCommand parent;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            return print(parent.store(), spec.commandLine().getOut());
        }

        static int print(ModelStore store, PrintWriter out) {
            for (ModelStatus status : store.statuses()) {
                CatalogueEntry entry = BackboneCatalogue.entry(status.kind());
                out.println(describe(status));
                out.println("    source: " + (entry.downloadable() ? entry.sources().get(0).toString() : "import only")
                        + "; licence: " + entry.licence());
            }
            out.println("Installs go to " + store.installFolder());
            out.flush();
            return 0;
        }
    }

    @Command(name = "download", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Downloads a backbone from its published source, verifies its SHA-256 and keeps what"
                    + " style transfer needs. An interrupted download resumes when run again.")
    static final class Download implements Callable<Integer> {

        @CommandLine.ParentCommand
        private ModelsCommand parent;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "vgg19 or squeezenet1_1")
        private String name;

        @CommandLine.Mixin
        private DownloadMirrorOption mirror;

        @CommandLine.Mixin
        private QuietOption quiet;

        @Override
        public Integer call() throws IOException {
            BackboneKind kind = kind(name, spec.commandLine());
            ModelStore store = parent.store(mirror.catalogue());
            PrintWriter err = spec.commandLine().getErr();
            CancelSignal cancel = new CancelSignal();
            // Ctrl-C: stop cleanly so that the .part file is flushed and can be resumed.
            Thread hook = new Thread(cancel::cancel, "atelier-download-cancel");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                Path installed = store.downloadNow(kind, quiet.downloadProgress(err), cancel);
                if (!quiet.quiet()) {
                    err.println();
                }
                spec.commandLine().getOut().println("Installed " + kind.id() + " at " + installed);
                spec.commandLine().getOut().println(describe(store.verify(kind)));
                return 0;
            } finally {
                ShutdownHooks.remove(hook);
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Checks and installs weights you have: a .safetensors with torchvision's names,",
                    "a torchvision .pth (read without running any code from it), or a folder of .npy files."})
    static final class Import implements Callable<Integer> {

        @CommandLine.ParentCommand
        private ModelsCommand parent;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "The file or folder to import.")
        private Path source;

        @Option(names = "--as", paramLabel = "NAME", description = "vgg19 or squeezenet1_1. Default: told from the file.")
        private String as;

        @Override
        public Integer call() throws IOException {
            Optional<BackboneKind> kind = as == null ? Optional.empty() : Optional.of(kind(as, spec.commandLine()));
            if (!Files.exists(source)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "nothing to import: " + source + " does not exist");
            }
            ModelStatus status = parent.store().importFrom(source, kind);
            spec.commandLine().getOut().println("Imported " + source + " as " + status.kind().id());
            spec.commandLine().getOut().println(describe(status));
            return status.usable() ? 0 : AtelierCommand.EXIT_FAILURE;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Checks every file of the backbones found (all, or those named) against its hash and shapes.")
    static final class Verify implements Callable<Integer> {

        @CommandLine.ParentCommand
        private ModelsCommand parent;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Backbones to check. Default: all.")
        private List<String> names = new ArrayList<>();

        @Override
        public Integer call() {
            List<BackboneKind> kinds = new ArrayList<>();
            for (String name : names) {
                kinds.add(kind(name, spec.commandLine()));
            }
            boolean named = !kinds.isEmpty();
            if (!named) {
                kinds.addAll(List.of(BackboneKind.values()));
            }
            ModelStore store = parent.store();
            int exit = 0;
            for (BackboneKind kind : kinds) {
                ModelStatus status = store.verify(kind);
                spec.commandLine().getOut().println(describe(status));
                boolean failed = status.state() == ModelState.CORRUPT || (named && status.state() == ModelState.MISSING);
                if (failed) {
                    spec.commandLine().getErr().println("Error: " + kind.id() + " is " + status.state().name().toLowerCase(Locale.ROOT)
                            + ": " + status.detail());
                    exit = AtelierCommand.EXIT_FAILURE;
                }
            }
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().flush();
            return exit;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Deletes a backbone's weights from Atelier's own folder (never from shared folders).")
    static final class Remove implements Callable<Integer> {

        @CommandLine.ParentCommand
        private ModelsCommand parent;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "vgg19 or squeezenet1_1")
        private String name;

        @Override
        public Integer call() throws IOException {
            BackboneKind kind = kind(name, spec.commandLine());
            parent.store().remove(kind);
            spec.commandLine().getOut().println("Removed " + kind.id());
            return 0;
        }
    }

    /** Draws download progress on the terminal's progress line; called on the download thread. */
    static final class TerminalProgress implements DownloadListener {

        private final ProgressLine line;

        TerminalProgress(PrintWriter err) {
            line = new ProgressLine(err);
        }

        @Override
        public void progress(DownloadProgress progress) {
            line.show(ProgressLine.download(progress));
        }

        @Override
        public void stage(DownloadStage stage) {
            if (stage != DownloadStage.DOWNLOADING) {
                line.end();
                line.show(stage == DownloadStage.VERIFYING ? "Checking the SHA-256..." : "Keeping what style transfer needs...");
            }
        }
    }
}
