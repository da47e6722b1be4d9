package app.atelier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngMetadataTest {

    @TempDir
    Path folder;

    @Test
    void pngWithoutTextGivesAnEmptyMap() throws IOException {
        Path file = folder.resolve("plain.png");
        ImageIO.write(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "png", file.toFile());

        assertThat(PngMetadata.read(file)).isEmpty();
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("absent.png");

        assertThatThrownBy(() -> PngMetadata.read(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("absent.png")
                .hasMessageContaining("does not exist");
    }

    @Test
    void nonPngIsRejectedWithTheFileName() throws IOException {
        Path file = folder.resolve("notes.png");
        Files.writeString(file, "not an image");

        assertThatThrownBy(() -> PngMetadata.read(file))
                .isInstanceOf(ImageLoadException.class)
                .hasMessageContaining("notes.png");
    }
}
