package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks weights found on disk: complete, undamaged and of the right shapes. */
final class WeightsInspector {

    private WeightsInspector() {
    }

    /**
     * @param deep also hash a VGG19 file against the hash recorded at import (SqueezeNet's few
     *             megabytes are always hashed)
     */
    static ModelStatus inspect(BackboneKind kind, Path location, boolean deep) {
        try {
            return switch (kind) {
                case SQUEEZENET1_1 -> inspectSqueezenet(location);
                case VGG19 -> inspectVgg19(location, deep);
            };
        } catch (IOException | RuntimeException e) {
            return corrupt(kind, location, "cannot be read: " + e.getMessage());
        }
    }

    private static ModelStatus inspectSqueezenet(Path folder) throws IOException {
        BackboneKind kind = BackboneKind.SQUEEZENET1_1;
        if (!Files.isDirectory(folder)) {
            return inspectSqueezenetArchive(folder);
        }
        Path sums = folder.resolve(WeightsImporter.SUMS_FILE);
        Map<String, String> expected;
        String against;
        if (Files.isRegularFile(sums)) {
            expected = readSums(sums);
            against = "the hashes recorded when it was imported";
        } else {
            expected = BackboneCatalogue.entry(kind).fileHashes();
            against = "the catalogue's hashes";
        }
        for (String name : BackboneArchitecture.SQUEEZENET1_1.names()) {
            String file = name + ".npy";
            Path path = folder.resolve(file);
            if (!Files.isRegularFile(path)) {
                return corrupt(kind, folder, file + " is missing; import the folder again");
            }
            String hash = expected.get(file);
            if (hash == null) {
                return corrupt(kind, folder, file + " has no known hash");
            }
            if (!Sha256.matches(Sha256.of(path), hash)) {
                return corrupt(kind, folder, file + " differs from " + against
                        + " (damaged or a different copy); import SqueezeNet again");
            }
        }
        Map<String, String> catalogue = BackboneCatalogue.entry(kind).fileHashes();
        boolean catalogueCopy = expected != catalogue && BackboneArchitecture.SQUEEZENET1_1.names().stream()
                .allMatch(name -> Sha256.matches(expected.get(name + ".npy"), catalogue.getOrDefault(name + ".npy", "-")));
        return new ModelStatus(kind, ModelState.PRESENT, Optional.of(folder), sizeOf(folder),
                "52 files match " + against + (catalogueCopy ? ", which are the catalogue's" : ""));
    }

    /** An .npz of the same 52 .npy files, as the built-in weights are: each array hashed against the catalogue. */
    private static ModelStatus inspectSqueezenetArchive(Path npz) throws IOException {
        BackboneKind kind = BackboneKind.SQUEEZENET1_1;
        Map<String, byte[]> entries = NpzReader.entries(npz);
        Map<String, String> expected = BackboneCatalogue.entry(kind).fileHashes();
        for (String name : BackboneArchitecture.SQUEEZENET1_1.names()) {
            String file = name + ".npy";
            byte[] bytes = entries.get(file);
            if (bytes == null) {
                return corrupt(kind, npz, file + " is missing from the archive");
            }
            if (!Sha256.matches(Sha256.of(bytes), expected.getOrDefault(file, "-"))) {
                return corrupt(kind, npz, file + " differs from the catalogue's hashes (damaged or a different copy)");
            }
        }
        String what = BuiltInWeights.isBuiltIn(npz) ? "built into Atelier; " : "";
        return new ModelStatus(kind, ModelState.PRESENT, Optional.of(npz), Files.size(npz),
                what + "52 arrays match the catalogue's hashes");
    }

    private static ModelStatus inspectVgg19(Path file, boolean deep) throws IOException {
        BackboneKind kind = BackboneKind.VGG19;
        Map<String, long[]> shapes = new LinkedHashMap<>();
        try (SafetensorsReader reader = SafetensorsReader.open(file)) {
            for (String name : reader.names()) {
                shapes.put(name, reader.entry(name).orElseThrow().shape());
            }
        }
        var problems = BackboneArchitecture.VGG19.problems(shapes);
        if (!problems.isEmpty()) {
            return corrupt(kind, file, problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
        String detail = "all 16 convolutions up to conv5_4 have the right shapes";
        if (deep) {
            Path sidecar = file.resolveSibling(file.getFileName() + WeightsImporter.SIDECAR_SUFFIX);
            if (Files.isRegularFile(sidecar)) {
                List<String> lines = InstallFiles.hashLines(sidecar);
                String recorded = lines.isEmpty() ? "" : lines.get(0).split("\\s+")[0];
                if (!Sha256.matches(Sha256.of(file), recorded)) {
                    return corrupt(kind, file, "its SHA-256 differs from the one recorded at import (the file is damaged);"
                            + " download or import VGG19 again");
                }
                detail += "; SHA-256 matches the one recorded at import";
            } else {
                SafetensorsReader.readAll(file);
                detail += "; every tensor reads (no recorded hash to compare)";
            }
        }
        return new ModelStatus(kind, ModelState.PRESENT, Optional.of(file), Files.size(file), detail);
    }

    private static Map<String, String> readSums(Path sums) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String line : InstallFiles.hashLines(sums)) {
            String[] parts = line.split("\\s+\\*?", 2);
            if (parts.length == 2) {
                hashes.put(parts[1], parts[0]);
            }
        }
        return hashes;
    }

    private static ModelStatus corrupt(BackboneKind kind, Path location, String what) {
        long size;
        try {
            size = sizeOf(location);
        } catch (IOException e) {
            size = 0;
        }
        return new ModelStatus(kind, ModelState.CORRUPT, Optional.of(location), size,
                BuiltInWeights.describe(location) + ": " + what);
    }

    static long sizeOf(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            return Files.exists(location) ? Files.size(location) : 0;
        }
        try (Stream<Path> files = Files.walk(location)) {
            long total = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }
}
