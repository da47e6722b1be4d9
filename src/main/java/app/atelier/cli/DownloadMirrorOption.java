package app.atelier.cli;

import app.atelier.engine.BackboneKind;
import app.atelier.model.BackboneCatalogue;
import app.atelier.model.CatalogueEntry;
import java.net.URI;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * {@code --download-mirror URL}, shared by {@code render --download} and {@code models download}:
 * the published weights files taken from another folder, checked against the same sizes and hashes.
 */
final class DownloadMirrorOption {

    @Option(names = "--download-mirror", paramLabel = "URL",
            description = "Download the published files from this folder URL (same file names) instead of"
                    + " download.pytorch.org; they are still checked against the published size and SHA-256.")
    private URI mirror;

    /** Where downloads come from: the published sources, or the same file names under the mirror. */
    Function<BackboneKind, CatalogueEntry> catalogue() {
        return mirror == null ? BackboneCatalogue::entry : BackboneCatalogue.mirroredAt(mirror);
    }
}
