package app.atelier.model;

import app.atelier.engine.BackboneKind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Atelier knows about one backbone's published weights.
 *
 * @param kind              the backbone
 * @param description       one line for lists: what it is and what it is good for
 * @param sources           where it can be downloaded, in order of preference; empty when it can only be imported
 * @param downloadBytes     the exact size of the published download, checked like its hash (0 when unknown)
 * @param sha256            the download's whole SHA-256 in hex (a prefix is not enough: torchvision's file names
 *                          carry 8 hex digits, 32 bits that a mirror could forge); empty when unknown
 * @param installedBytes    the size of what Atelier keeps on disk
 * @param licence           the licence terms as known, in words
 * @param fileHashes        SHA-256 of each kept file by file name, for backbones kept as a folder of known files
 * @param note              what the user should know (provenance, how to get it when it cannot be downloaded)
 */
public record CatalogueEntry(
        BackboneKind kind,
        String description,
        List<URI> sources,
        long downloadBytes,
        Optional<String> sha256,
        long installedBytes,
        String licence,
        Map<String, String> fileHashes,
        String note) {

    public CatalogueEntry {
        sources = List.copyOf(sources);
        fileHashes = Map.copyOf(fileHashes);
        if (sha256.isPresent() && !Sha256.isDigest(sha256.get())) {
            throw new IllegalArgumentException(kind + ": '" + sha256.get() + "' is not a whole SHA-256");
        }
    }

    public boolean downloadable() {
        return !sources.isEmpty();
    }

    public List<String> taps() {
        return kind.taps();
    }

    public BackboneArchitecture architecture() {
        return BackboneArchitecture.of(kind);
    }
}
