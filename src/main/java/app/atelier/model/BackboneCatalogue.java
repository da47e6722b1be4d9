package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The backbones Atelier can use and where their weights come from. */
public final class BackboneCatalogue {

    /** torchvision's VGG19 ImageNet weights (VGG19_Weights.IMAGENET1K_V1), about 548 MiB. */
    static final URI VGG19_URL = URI.create("https://download.pytorch.org/models/vgg19-dcbb9e9d.pth");

    /**
     * torchvision's SqueezeNet 1.1 ImageNet weights (SqueezeNet1_1_Weights.IMAGENET1K_V1): the same
     * architecture as the shared .npy copy but a different training run; renamed to its layout.
     */
    static final URI SQUEEZENET_URL = URI.create("https://download.pytorch.org/models/squeezenet1_1-b8a52dc0.pth");

    private static final Map<BackboneKind, CatalogueEntry> ENTRIES = build();

    private BackboneCatalogue() {
    }

    public static CatalogueEntry entry(BackboneKind kind) {
        return ENTRIES.get(kind);
    }

    /**
     * The catalogue with every file fetched from {@code base} instead, under the same file name: a
     * mirror inside a firewall, or a server on this machine. The published hashes still apply.
     */
    public static Function<BackboneKind, CatalogueEntry> mirroredAt(URI base) {
        URI folder = base.toString().endsWith("/") ? base : URI.create(base + "/");
        return kind -> {
            CatalogueEntry entry = entry(kind);
            List<URI> sources = entry.sources().stream()
                    .map(source -> folder.resolve(source.getPath().substring(source.getPath().lastIndexOf('/') + 1)))
                    .toList();
            return new CatalogueEntry(kind, entry.description(), sources, entry.downloadBytes(), entry.sha256(),
                    entry.installedBytes(), entry.licence(), entry.fileHashes(), entry.note());
        };
    }

    public static List<CatalogueEntry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    private static Map<BackboneKind, CatalogueEntry> build() {
        Map<BackboneKind, CatalogueEntry> entries = new LinkedHashMap<>();
        entries.put(BackboneKind.VGG19, new CatalogueEntry(
                BackboneKind.VGG19,
                "VGG19 trained on ImageNet (torchvision): the network the method was made with; best quality, slow on a CPU",
                List.of(VGG19_URL),
                // Size and whole SHA-256 from several independent public listings; the hash begins
                // with the prefix in torchvision's file name. A download of another size or hash is refused.
                574_673_361L,
                Optional.of("dcbb9e9dad569fff7a846263a77324fc34978fea2bfb039c012d710e1776ae44"),
                BackboneArchitecture.VGG19.parameterCount() * Float.BYTES,
                "torchvision (BSD-3-Clause) publishes these weights without a separate weights licence;"
                        + " the VGG authors' own weights are CC BY 4.0; trained on ImageNet, whose terms restrict"
                        + " use to non-commercial research",
                Map.of(),
                "Downloaded as torchvision's vgg19-dcbb9e9d.pth, checked against its whole SHA-256 and size,"
                        + " then only the convolutions up to conv5_4 are kept (about 80 MB)."));
        entries.put(BackboneKind.SQUEEZENET1_1, new CatalogueEntry(
                BackboneKind.SQUEEZENET1_1,
                "SqueezeNet 1.1 trained on ImageNet: about ten times faster than VGG19, for live tweaking on a CPU",
                List.of(SQUEEZENET_URL),
                // As for VGG19: size and whole SHA-256 from independent listings, prefix as in the name.
                4_958_839L,
                Optional.of("b8a52dc049b60e4b6ab68ad0df457362afab8b6304b2febdc1650a5dab4d7e7b"),
                BackboneArchitecture.SQUEEZENET1_1.parameterCount() * Float.BYTES + 52 * 128L,
                "the .npy copy: Apache-2.0 (the ONNX model zoo's copy of the MXNet Gluon model);"
                        + " the download: torchvision (BSD-3-Clause), no separate weights licence",
                readHashes("squeezenet1_1.sha256"),
                "Import: a folder of 52 .npy files (squeezenet0_conv{i}_weight/bias.npy) as in the shared models"
                        + " folder, checked against known SHA-256 hashes. Download: torchvision's squeezenet1_1-b8a52dc0.pth,"
                        + " the same network trained separately, checked against its whole SHA-256 and size."));
        return entries;
    }

    /** Reads a {@code sha256sum}-style resource: "hash  file name" per line. */
    static Map<String, String> readHashes(String resource) {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (InputStream in = BackboneCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+\\*?", 2);
                hashes.put(parts[1], parts[0].toLowerCase(java.util.Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }
}
