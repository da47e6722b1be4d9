package app.atelier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What atelier.jar ships: the app's layers and none of the measurement and documentation tooling
 * of src/tooling (window benchmark, screenshot tour, FX-thread probe), which goes into
 * atelier-tooling.jar. The jar plugin packs the compiled product classes whole, so those are
 * listed in every test run; the built jar too once {@code mvn package} has made it from them.
 */
class ShippedJarTest {

    private static final Path PRODUCT_CLASSES = Path.of("target/classes");
    private static final Path SHIPPED_JAR = Path.of("target/atelier.jar");
    private static final Path TOOLING_SOURCES = Path.of("src/tooling/java");

    @Test
    void theProductClassesHoldNoTooling() throws IOException {
        List<String> classes = classFiles(PRODUCT_CLASSES);
        assertProduct(classes);
    }

    @Test
    void theBuiltJarHoldsNoTooling() throws IOException {
        assumeTrue(Files.isRegularFile(SHIPPED_JAR), "target/atelier.jar not built yet (mvn package)");
        assumeTrue(Files.getLastModifiedTime(SHIPPED_JAR).compareTo(newest(PRODUCT_CLASSES)) >= 0,
                "target/atelier.jar is older than the classes just compiled; the package phase rebuilds it");
        try (JarFile jar = new JarFile(SHIPPED_JAR.toFile())) {
            assertProduct(jar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class")).toList());
        }
    }

    @Test
    void theRuntimeHasNoJavaFxSwing() {
        // Only the screenshot tour needed it, and it no longer does: the runtime and the installer stay smaller.
        assertThatThrownBy(() -> Class.forName("javafx.embed.swing.SwingFXUtils"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static void assertProduct(List<String> classFiles) throws IOException {
        Set<String> packages = new TreeSet<>();
        Set<String> simpleNames = new TreeSet<>();
        for (String file : classFiles) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            packages.add(name.substring(0, name.lastIndexOf('.')));
            simpleNames.add(name.substring(name.lastIndexOf('.') + 1).replaceAll("\\$.*", ""));
        }
        // Any layer the app grows is welcome; the tooling's package is not.
        assertThat(packages).contains("app.atelier", "app.atelier.engine", "app.atelier.ui", "app.atelier.cli")
                .allMatch(name -> name.equals("app.atelier") || name.startsWith("app.atelier."), "a package of the app")
                .noneMatch(name -> name.equals("app.atelier.tooling") || name.startsWith("app.atelier.tooling."));
        assertThat(simpleNames).doesNotContainAnyElementsOf(toolingClassNames());
    }

    /** WindowBench, ScreenshotTour, FxThreadProbe...: none may come back into the app under another package. */
    private static List<String> toolingClassNames() throws IOException {
        try (Stream<Path> files = Files.walk(TOOLING_SOURCES)) {
            List<String> names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
                    .map(name -> name.substring(0, name.length() - ".java".length())).toList();
            assertThat(names).contains("WindowBench", "ScreenshotTour", "FxThreadProbe");
            return names;
        }
    }

    private static List<String> classFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/')).toList();
        }
    }

    private static FileTime newest(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return Files.getLastModifiedTime(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).max(Comparator.naturalOrder()).orElse(FileTime.fromMillis(0));
        }
    }
}
