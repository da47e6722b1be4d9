package app.atelier.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 digests as lower-case hex, the form catalogues and {@code sha256sum} use. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    /** The length of a SHA-256 digest in hex. */
    public static final int HEX_LENGTH = 64;

    /**
     * Whether {@code actualHex} is the whole digest {@code expectedHex} (case aside). A prefix never
     * matches: torchvision's 8 hex digits are 32 bits, which a mirror could forge cheaply.
     */
    public static boolean matches(String actualHex, String expectedHex) {
        return isDigest(actualHex) && isDigest(expectedHex)
                && MessageDigest.isEqual(actualHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                        expectedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code hex} is a whole SHA-256 digest in hex. */
    public static boolean isDigest(String hex) {
        return hex != null && hex.length() == HEX_LENGTH && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
