package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void onlyTheWholeDigestMatches() {
        String hash = Sha256.of("weights".getBytes(StandardCharsets.UTF_8));
        assertThat(hash).hasSize(64);
        assertThat(Sha256.matches(hash, hash)).isTrue();
        assertThat(Sha256.matches(hash, hash.toUpperCase(Locale.ROOT))).isTrue();
        // 32 bits are cheap to forge: a prefix, however torchvision names its files, is not a match.
        assertThat(Sha256.matches(hash, hash.substring(0, 8))).isFalse();
        assertThat(Sha256.matches(hash, hash.substring(0, 63))).isFalse();
        assertThat(Sha256.matches(hash, "")).isFalse();
    }
}
