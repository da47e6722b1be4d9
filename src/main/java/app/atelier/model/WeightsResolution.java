package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a backbone's weights for a render, for the window's Start and for {@code render}: at a
 * path the user named (the weights themselves or a folder holding them), else along the
 * {@link WeightsSearchPath}. When they are nowhere, the messages here say where Atelier looked and
 * how to get them, worded for the window or for the command line. Blocks: it reads folders, so
 * the window calls it off the FX thread.
 */
public final class WeightsResolution {

    private WeightsResolution() {
    }

    /** The weights {@code named} points at: the weights themselves, or the ones inside that folder. */
    public static Optional<Path> at(Path named, BackboneKind kind) {
        if (kind == BackboneKind.SQUEEZENET1_1 ? containsNpy(named) : Files.isRegularFile(named)) {
            return Optional.of(named);
        }
        return Files.isDirectory(named) ? WeightsSearchPath.findIn(named, kind) : Optional.empty();
    }

    /** One line for {@code render --weights PATH} when {@link #at} found nothing there. */
    public static String notFoundAt(Path named, BackboneKind kind) {
        String expected = kind == BackboneKind.SQUEEZENET1_1
                ? "a squeezenet1_1 folder of .npy files" : "a vgg19 .safetensors file";
        return "weights not found: " + named.toAbsolutePath()
                + (Files.exists(named) ? " is not " + expected + " nor a folder holding " + layoutOf(kind)
                : " does not exist") + "; pass --weights PATH to " + expected;
    }

    /** One line for {@code render} when the search path holds no weights for {@code kind}. */
    public static String notFoundForCommandLine(BackboneKind kind, WeightsSearchPath searchPath) {
        return "weights not found for " + kind.id() + ": looked in " + searchPath.describe() + "; set "
                + WeightsSearchPath.ENV + " to a folder holding " + layoutOf(kind)
                + ", pass --weights PATH, or add --download";
    }

    /** The window's message when the search path holds no weights for {@code kind}. */
    public static String notFoundForWindow(BackboneKind kind, WeightsSearchPath searchPath) {
        String expected = kind == BackboneKind.SQUEEZENET1_1
                ? "a folder named squeezenet1_1 holding its .npy files"
                : "vgg19.safetensors (or a vgg19 folder with a .safetensors file)";
        String instead = kind == BackboneKind.SQUEEZENET1_1 ? "" : " Or switch the network to SqueezeNet 1.1, which is built in.";
        return kind.displayName() + " weights were not found. Atelier looked in: " + searchPath.describe()
                + ". Download or import them with Open Models… (File › Models…), or put " + expected
                + " into one of these folders (or set the " + WeightsSearchPath.ENV + " environment variable to a"
                + " folder that holds them), then press Start again." + instead;
    }

    private static String layoutOf(BackboneKind kind) {
        return kind == BackboneKind.SQUEEZENET1_1 ? "squeezenet1_1/ (.npy files)" : "vgg19.safetensors";
    }

    private static boolean containsNpy(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (var files = Files.list(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".npy"));
        } catch (IOException e) {
            return false;
        }
    }
}
