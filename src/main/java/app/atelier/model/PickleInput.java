package app.atelier.model;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one pickle as {@link RestrictedUnpickler} reads them: little-endian numbers,
 * length-prefixed strings and lines, each read counted against the stream's {@link PickleLimits}
 * and a truncated stream reported as such.
 */
final class PickleInput {

    private final InputStream in;
    private final String source;
    private final PickleLimits limits;
    private long position;

    PickleInput(InputStream in, String source, PickleLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
    }

    /** How many bytes have been read. */
    long position() {
        return position;
    }

    int readByte() throws IOException {
        limits.bytes(position + 1);
        int b = in.read();
        if (b < 0) {
            throw new EOFException(source + ": the pickle ends early at byte " + position + " (the file is truncated)");
        }
        position++;
        return b;
    }

    int readInt4() throws IOException {
        return readByte() | readByte() << 8 | readByte() << 16 | readByte() << 24;
    }

    long readLong8() throws IOException {
        long low = readInt4() & 0xFFFFFFFFL;
        long high = readInt4() & 0xFFFFFFFFL;
        return low | high << 32;
    }

    long readLongBigEndian() throws IOException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | readByte();
        }
        return value;
    }

    /** Strings in weight files are short; a huge length is damage, and must not allocate gigabytes. */
    int checkedLength(long length) throws WeightsFormatException {
        if (length < 0 || length > PickleLimits.MAX_STREAM_BYTES) {
            throw new WeightsFormatException(source + ": damaged pickle at byte " + position + ": implausible length " + length);
        }
        return (int) length;
    }

    byte[] readBytes(int length) throws IOException {
        limits.bytes(position + length);
        byte[] bytes = in.readNBytes(length);
        position += bytes.length;
        if (bytes.length < length) {
            throw new EOFException(source + ": the pickle ends early at byte " + position + " (the file is truncated)");
        }
        return bytes;
    }

    String readString(int length) throws IOException {
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    String readAscii(int length) throws IOException {
        return new String(readBytes(length), StandardCharsets.ISO_8859_1);
    }

    Object readLong(int length) throws IOException {
        byte[] littleEndian = readBytes(length);
        if (length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = littleEndian[length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = readByte();
            if (b == '\n') {
                return line.toString();
            }
            if (line.length() > 256) {
                throw new WeightsFormatException(source + ": damaged pickle at byte " + position + ": GLOBAL name too long");
            }
            line.append((char) b);
        }
    }
}
