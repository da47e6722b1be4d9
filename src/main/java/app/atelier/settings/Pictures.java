package app.atelier.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pictures a render used: the content photo, the style paintings with their blend weights and
 * the mask. Each has a name to show and, when it came from a local file, the file's absolute path,
 * so that opening the render can load it again while the file still exists.
 *
 * @param content the photo, or null when unknown
 * @param styles  the paintings in blend order
 * @param mask    the mask, or null for none
 */
public record Pictures(Picture content, List<StylePicture> styles, Picture mask) {

    /** @param path the absolute file path, or null for a pasted or downloaded picture */
    public record Picture(String name, String path) {

        /** The file, when there is one and it still exists. */
        public Optional<Path> existingFile() {
            return existing(path);
        }

        /** This picture as a style painting with the blend weight {@code weight}. */
        public StylePicture withWeight(double weight) {
            return new StylePicture(name, path, weight);
        }
    }

    /** @param path the absolute file path, or null for a pasted or downloaded picture */
    public record StylePicture(String name, String path, double weight) {

        public Optional<Path> existingFile() {
            return existing(path);
        }
    }

    public Pictures {
        styles = styles == null ? List.of() : List.copyOf(styles);
    }

    /** Pictures that are all local files, as {@code render} takes them. */
    public static Pictures ofFiles(Path content, List<Path> styles, List<Double> weights, Path mask) {
        List<StylePicture> paintings = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            paintings.add(picture(styles.get(i)).withWeight(weights.get(i)));
        }
        return new Pictures(picture(content), paintings, mask == null ? null : picture(mask));
    }

    /** A local file by its name and absolute path. */
    public static Picture picture(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path name = absolute.getFileName();
        return new Picture(name == null ? absolute.toString() : name.toString(), absolute.toString());
    }

    /** The names of the pictures whose files are gone (or that never were files), for a message. */
    public List<String> missing() {
        List<String> names = new ArrayList<>();
        if (content != null && content.existingFile().isEmpty()) {
            names.add(content.name());
        }
        styles.stream().filter(style -> style.existingFile().isEmpty()).forEach(style -> names.add(style.name()));
        if (mask != null && mask.existingFile().isEmpty()) {
            names.add(mask.name());
        }
        return names;
    }

    private static Optional<Path> existing(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(path);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
