package app.atelier.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Made the built-in weights once: packs the 52 SqueezeNet 1.1 {@code .npy} files of the shared
 * models folder, byte for byte and in architecture order, into {@link BuiltInWeights#RESOURCE}.
 * Deterministic (fixed entry times), so running it again gives the same file. Test scope: the
 * shipped jar does not carry it.
 *
 * <pre>
 * mvn -B -o -q test-compile
 * java -cp target/classes:target/test-classes app.atelier.model.BuiltInSqueezeNetPacker \
 *     ../shared/models/squeezenet1_1 src/main/resources/app/atelier/model/squeezenet1_1.npz
 * </pre>
 */
public final class BuiltInSqueezeNetPacker {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private BuiltInSqueezeNetPacker() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BuiltInSqueezeNetPacker NPY_FOLDER OUT.npz");
            System.exit(2);
        }
        pack(Path.of(args[0]), Path.of(args[1]));
        System.out.println("wrote " + args[1] + " (" + Files.size(Path.of(args[1])) + " bytes)");
    }

    static void pack(Path folder, Path out) throws IOException {
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (String name : BackboneArchitecture.SQUEEZENET1_1.names()) {
                byte[] bytes = Files.readAllBytes(folder.resolve(name + ".npy"));
                ZipEntry entry = new ZipEntry(name + ".npy");
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
