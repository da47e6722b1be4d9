package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks, before a render loads them, that weights given or found can be used as they are: a
 * PyTorch checkpoint is named as one (it must be imported first), and a damaged file or a file of
 * the wrong network is refused in one line naming it, instead of failing inside the engine.
 * Cheap: headers and shapes are read, not the values (SqueezeNet's few megabytes are read whole).
 */
public final class UsableWeights {

    private UsableWeights() {
    }

    /** Fails with one line saying what is wrong with {@code weights} as {@code kind}'s weights. */
    public static void check(BackboneKind kind, Path weights) throws IOException {
        if (BuiltInWeights.isBuiltIn(weights)) {
            return;
        }
        if (Files.isRegularFile(weights) && isTorchCheckpoint(weights)) {
            throw new WeightsFormatException(weights + ": this is a PyTorch checkpoint: import it with `atelier models"
                    + " import " + weights + " --as " + kind.id() + "`, which reads it without running any code"
                    + " and keeps what Atelier needs");
        }
        BackboneArchitecture architecture = BackboneArchitecture.of(kind);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        if (kind == BackboneKind.VGG19 && Files.isRegularFile(weights)) {
            try (SafetensorsReader reader = SafetensorsReader.open(weights)) {
                for (String name : reader.names()) {
                    shapes.put(name, reader.entry(name).orElseThrow().shape());
                }
            }
        } else if (kind == BackboneKind.SQUEEZENET1_1 && Files.isDirectory(weights)) {
            for (String name : architecture.names()) {
                Path file = weights.resolve(name + ".npy");
                if (Files.isRegularFile(file)) {
                    shapes.put(name, NpyReader.read(file).shape());
                }
            }
        } else {
            return;
        }
        architecture.check(shapes, weights.toString());
    }

    /** Whether {@code file} is a {@code torch.save} file: a zip holding a data.pkl, or a pickle stream. */
    public static boolean isTorchCheckpoint(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            // torch's zip format names its first entry ARCHIVE/data.pkl (or .data/version).
            String start = new String(head, 30, Math.max(0, Math.min(head.length - 30, 200)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return start.contains("data.pkl") || start.contains(".data/version") || start.contains("/version");
        }
        // A pickle: PROTO 2..5 (torch's legacy format starts with one).
        return head.length >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5;
    }
}
