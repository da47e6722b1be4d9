package app.atelier.model;

import app.atelier.engine.BackboneKind;
import app.atelier.files.DurableFiles;
import app.atelier.files.WriteSteps;
import app.atelier.files.WriteSteps.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns weights the user has (a {@code .safetensors} with torchvision's key names, a torchvision
 * {@code .pth}, or a folder of {@code .npy} files) into what Atelier keeps, after checking every
 * tensor's shape against the architecture. VGG19 is kept as {@code vgg19.safetensors} holding only
 * the convolutions up to conv5_4; SqueezeNet 1.1 as a folder {@code squeezenet1_1/} of .npy files
 * with a {@code SHA256SUMS} list. Files are written beside the target, synced and moved into
 * place, so a crash never leaves a half-written file under the final name; the hash list carries
 * {@link InstallFiles#MARK}, which is what lets {@code models remove} delete an install.
 */
public final class WeightsImporter {

    /** The hash list written beside imported SqueezeNet files, in {@code sha256sum} format. */
    public static final String SUMS_FILE = "SHA256SUMS";

    /** The hash written beside an imported {@code vgg19.safetensors}. */
    static final String SIDECAR_SUFFIX = ".sha256";

    private WeightsImporter() {
    }

    /** Where {@code kind}'s kept weights go inside {@code folder}. */
    public static Path installedLocation(Path folder, BackboneKind kind) {
        return switch (kind) {
            case VGG19 -> folder.resolve(kind.id() + ".safetensors");
            case SQUEEZENET1_1 -> folder.resolve(kind.id());
        };
    }

    /** Which backbone {@code source} holds, from its layout and tensor names. */
    public static BackboneKind detectKind(Path source) throws IOException {
        if (Files.isDirectory(source)) {
            return BackboneKind.SQUEEZENET1_1;
        }
        List<String> names = tensorNames(source);
        if (names.contains("squeezenet0_conv0_weight") || names.contains("features.3.squeeze.weight")) {
            return BackboneKind.SQUEEZENET1_1;
        }
        if (names.contains("features.0.weight")) {
            return BackboneKind.VGG19;
        }
        throw new WeightsFormatException(source + ": cannot tell which network these weights are for;"
                + " name it with --as vgg19 or --as squeezenet1_1");
    }

    /**
     * Checks {@code source} against {@code kind}'s architecture and installs it into {@code folder},
     * replacing what was there. Returns the installed file or folder.
     */
    public static Path importInto(Path source, BackboneKind kind, Path folder) throws IOException {
        return importInto(source, kind, folder, WriteSteps.NONE);
    }

    /** {@link #importInto(Path, BackboneKind, Path)} telling {@code steps} of each file-system step. */
    static Path importInto(Path source, BackboneKind kind, Path folder, WriteSteps steps) throws IOException {
        if (!Files.exists(source)) {
            throw new NoSuchFileException(source.toString(), null, "nothing to import: it does not exist");
        }
        Files.createDirectories(folder);
        removeStaleLeftovers(folder, installedLocation(folder, kind).getFileName().toString());
        return switch (kind) {
            case VGG19 -> InstallFiles.installSafetensors(readVgg19(source), installedLocation(folder, BackboneKind.VGG19), source, steps);
            case SQUEEZENET1_1 -> installSqueezenet(source, folder, steps);
        };
    }

    /** VGG19's kept tensors from a .safetensors or .pth, shape-checked; the classifier is never read. */
    static List<NamedTensor> readVgg19(Path source) throws IOException {
        return readKept(source, BackboneArchitecture.VGG19);
    }

    /** The tensors {@code architecture} names, read from a .safetensors or .pth file and shape-checked. */
    static List<NamedTensor> readKept(Path source, BackboneArchitecture architecture) throws IOException {
        if (Files.isDirectory(source)) {
            throw new WeightsFormatException(source + ": is a folder; " + architecture.name()
                    + " is imported from one .safetensors or .pth file");
        }
        Map<String, NamedTensor> tensors = readTensors(source, architecture.names()::contains, TensorBudget.of(architecture));
        architecture.check(shapes(tensors), source.toString());
        List<NamedTensor> kept = new ArrayList<>();
        for (TensorSpec spec : architecture.tensors()) {
            kept.add(tensors.get(spec.name()));
        }
        return kept;
    }

    private static Path installSqueezenet(Path source, Path folder, WriteSteps steps) throws IOException {
        BackboneArchitecture architecture = BackboneArchitecture.SQUEEZENET1_1;
        Path target = installedLocation(folder, BackboneKind.SQUEEZENET1_1);
        Path temp = InstallFiles.newFolder(folder, "." + target.getFileName() + "-import-");
        try {
            steps.before(Step.WRITE, temp);
            Path npyFolder = squeezenetNpyFolder(source);
            if (npyFolder != null) {
                // Copy the files as they are, so their hashes still match the catalogue's.
                Map<String, long[]> shapes = new LinkedHashMap<>();
                for (String name : architecture.names()) {
                    Path file = npyFolder.resolve(name + ".npy");
                    if (Files.isRegularFile(file)) {
                        shapes.put(name, NpyReader.read(file).shape());
                    }
                }
                architecture.check(shapes, source.toString());
                for (String name : architecture.names()) {
                    copyContent(npyFolder.resolve(name + ".npy"), temp.resolve(name + ".npy"));
                }
                Path licence = npyFolder.resolve("LICENSE");
                if (Files.isRegularFile(licence)) {
                    copyContent(licence, temp.resolve("LICENSE"));
                }
            } else {
                Map<String, NamedTensor> tensors = readSqueezenetFile(source);
                architecture.check(shapes(tensors), source.toString());
                for (String name : architecture.names()) {
                    NpyWriter.write(temp.resolve(name + ".npy"), tensors.get(name));
                }
            }
            StringBuilder sums = new StringBuilder();
            for (String name : architecture.names()) {
                sums.append(Sha256.of(temp.resolve(name + ".npy"))).append("  ").append(name).append(".npy\n");
            }
            sums.append(InstallFiles.MARK).append('\n');
            Files.writeString(temp.resolve(SUMS_FILE), sums);
            InstallFiles.sync(temp, steps);
            InstallFiles.replaceFolder(temp, target, steps);
            DurableFiles.syncFolder(folder, steps);
            return target;
        } finally {
            deleteRecursively(temp);
        }
    }

    /**
     * Copies the bytes only: {@code Files.copy(Path, Path)} gives the copy the source's mode, so a
     * read-only shared file would become a read-only install instead of one made with the umask.
     */
    private static void copyContent(Path from, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            Files.copy(in, to);
        }
    }

    /** The folder of .npy files {@code source} is or holds (as squeezenet1_1/), or null when it is a file. */
    private static Path squeezenetNpyFolder(Path source) throws WeightsFormatException {
        if (!Files.isDirectory(source)) {
            return null;
        }
        if (Files.isRegularFile(source.resolve("squeezenet0_conv0_weight.npy"))) {
            return source;
        }
        Path nested = source.resolve(BackboneKind.SQUEEZENET1_1.id());
        if (Files.isRegularFile(nested.resolve("squeezenet0_conv0_weight.npy"))) {
            return nested;
        }
        throw new WeightsFormatException(source + ": holds no squeezenet0_conv{i}_weight.npy files;"
                + " a SqueezeNet folder has 52 .npy files named like squeezenet0_conv0_weight.npy");
    }

    /** SqueezeNet tensors from a file, under the kept names (renaming torchvision's keys). */
    private static Map<String, NamedTensor> readSqueezenetFile(Path source) throws IOException {
        Map<String, String> torchvision = TorchvisionNames.squeezenet();
        Map<String, NamedTensor> raw = readTensors(source,
                name -> torchvision.containsKey(name) || torchvision.containsValue(name),
                TensorBudget.of(BackboneArchitecture.SQUEEZENET1_1));
        if (raw.keySet().stream().anyMatch(torchvision::containsKey)) {
            return raw;
        }
        Map<String, NamedTensor> renamed = new LinkedHashMap<>();
        torchvision.forEach((kept, original) -> {
            NamedTensor tensor = raw.get(original);
            if (tensor != null) {
                renamed.put(kept, new NamedTensor(kept, tensor.shape(), tensor.data()));
            }
        });
        return renamed;
    }

    /**
     * Reads the wanted tensors of a .safetensors or PyTorch file, chosen by its content, not its
     * name; refuses, before reading them, wanted tensors that exceed {@code budget}.
     */
    static Map<String, NamedTensor> readTensors(Path source, java.util.function.Predicate<String> wanted,
                                                TensorBudget budget) throws IOException {
        if (isSafetensors(source)) {
            Map<String, NamedTensor> tensors = new LinkedHashMap<>();
            try (SafetensorsReader reader = SafetensorsReader.open(source)) {
                // The header has been checked against the file's size: these bytes exist, but need not all be wanted.
                long wantedBytes = 0;
                for (String name : reader.names()) {
                    if (wanted.test(name)) {
                        SafetensorsReader.Entry entry = reader.entry(name).orElseThrow();
                        wantedBytes += Math.max(entry.end() - entry.begin(), NamedTensor.elementCount(entry.shape()) * Float.BYTES);
                    }
                }
                budget.check(source.toString(), "declares", wantedBytes);
                for (String name : reader.names()) {
                    if (wanted.test(name)) {
                        tensors.put(name, reader.read(name));
                    }
                }
            }
            return tensors;
        }
        return TorchCheckpointReader.read(source, wanted, budget);
    }

    private static List<String> tensorNames(Path source) throws IOException {
        if (isSafetensors(source)) {
            try (SafetensorsReader reader = SafetensorsReader.open(source)) {
                return List.copyOf(reader.names());
            }
        }
        // Reading no tensor data: only the pickle is parsed.
        List<String> names = new ArrayList<>();
        TorchCheckpointReader.read(source, name -> {
            names.add(name);
            return false;
        });
        return names;
    }

    private static boolean isSafetensors(Path source) throws IOException {
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".safetensors")) {
            return true;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(source)) {
            head = in.readNBytes(9);
        }
        // A safetensors file starts with an 8-byte header length and then '{'.
        return head.length == 9 && head[8] == '{';
    }

    private static Map<String, long[]> shapes(Map<String, NamedTensor> tensors) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> shapes.put(name, tensor.shape()));
        return shapes;
    }

    /**
     * Deletes what an import killed half-way (power cut, crash) left: its hidden temporary files
     * and folders. Only old ones, so that an import running in another window is not disturbed.
     */
    private static void removeStaleLeftovers(Path folder, String installedName) throws IOException {
        java.nio.file.attribute.FileTime cutoff = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith("." + installedName + "-") && Files.getLastModifiedTime(entry).compareTo(cutoff) < 0) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    /**
     * Whether {@code kind}'s weights in {@code folder} were installed there by Atelier: their hash
     * list carries {@link InstallFiles#MARK}. Weights someone else put there (a shared folder)
     * have no such list; a link is never Atelier's.
     */
    static boolean installedByAtelier(Path folder, BackboneKind kind) {
        Path installed = installedLocation(folder, kind);
        return switch (kind) {
            case VGG19 -> Files.isRegularFile(installed, LinkOption.NOFOLLOW_LINKS)
                    && InstallFiles.marked(installed.resolveSibling(installed.getFileName() + SIDECAR_SUFFIX));
            case SQUEEZENET1_1 -> Files.isDirectory(installed, LinkOption.NOFOLLOW_LINKS)
                    && InstallFiles.marked(installed.resolve(SUMS_FILE));
        };
    }

    static void deleteRecursively(Path path) throws IOException {
        InstallFiles.deleteRecursively(path);
    }
}
