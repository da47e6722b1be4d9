package app.atelier.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes pickle opcodes by hand, so that tests can build the checkpoints an attacker would
 * (nothing here needs Python or torch), and packs them as torch's zip checkpoint format.
 */
public final class PickleBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, byte[]> storages = new LinkedHashMap<>();

    /** Starts a protocol-2 pickle. */
    static PickleBuilder protocol2() {
        return new PickleBuilder().op(0x80).op(2);
    }

    PickleBuilder op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBuilder ops(String opcodes) {
        out.writeBytes(opcodes.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    PickleBuilder mark() {
        return op('(');
    }

    PickleBuilder emptyDict() {
        return op('}');
    }

    PickleBuilder emptyList() {
        return op(']');
    }

    PickleBuilder tuple() {
        return op('t');
    }

    PickleBuilder str(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        op('X');
        out.writeBytes(le(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
        return this;
    }

    PickleBuilder integer(long value) {
        if (value >= 0 && value < 256) {
            return op('K').op((int) value);
        }
        if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            op('J');
            out.writeBytes(le(4).putInt((int) value).array());
            return this;
        }
        op(0x8a).op(8);
        out.writeBytes(le(8).putLong(value).array());
        return this;
    }

    PickleBuilder global(String module, String name) {
        return ops("c" + module + "\n" + name + "\n");
    }

    /** BINPUT: stores the top of the stack as memo entry {@code index}. */
    PickleBuilder put(int index) {
        return op('q').op(index);
    }

    /** BINGET: pushes memo entry {@code index}. */
    PickleBuilder get(int index) {
        return op('h').op(index);
    }

    /** SETITEM: dict[key] = value, with key and value the two items above the dict. */
    PickleBuilder setItem() {
        return op('s');
    }

    PickleBuilder stop() {
        return op('.');
    }

    /**
     * Pushes a tensor as torch pickles it: {@code _rebuild_tensor_v2(storage, offset, size, stride)}
     * where the storage is a persistent id naming {@code storageType} with {@code elements} elements.
     */
    PickleBuilder tensor(String storageType, String key, long elements, long[] size, long[] stride) {
        global("torch._utils", "_rebuild_tensor_v2");
        mark();
        mark().str("storage").global("torch", storageType).str(key).str("cpu").integer(elements).tuple();
        op('Q');
        integer(0);
        mark();
        for (long s : size) {
            integer(s);
        }
        tuple();
        mark();
        for (long s : stride) {
            integer(s);
        }
        tuple();
        op(0x89);
        tuple();
        return op('R');
    }

    /** Stores {@code bytes} as storage {@code key} in the zip {@link #writeZip} writes. */
    PickleBuilder storage(String key, byte[] bytes) {
        storages.put(key, bytes);
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** Writes a torch zip checkpoint holding this pickle as {@code archive/data.pkl} and the storages. */
    Path writeZip(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(bytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/byteorder"));
            zip.write("little".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> storage : storages.entrySet()) {
                zip.putNextEntry(new ZipEntry("archive/data/" + storage.getKey()));
                zip.write(storage.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
