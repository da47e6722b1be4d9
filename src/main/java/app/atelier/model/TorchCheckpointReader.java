package app.atelier.model;

import app.atelier.model.RestrictedUnpickler.StorageType;
import app.atelier.model.RestrictedUnpickler.TensorRef;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the tensors of a PyTorch checkpoint ({@code torch.save} of a state dict) without Python
 * and without running anything it contains: both the zip format (torch 1.6 and later) and the
 * older "legacy" stream of pickles, which is how torchvision's VGG19 file is stored.
 *
 * <p>The pickle is read by {@link RestrictedUnpickler}; tensor data is read only for the entries
 * asked for, so dropping VGG19's 400 MB classifier costs no memory.
 */
public final class TorchCheckpointReader {

    /** First pickle of a legacy file: torch's magic number. */
    private static final java.math.BigInteger LEGACY_MAGIC = new java.math.BigInteger("1950a86a20f9469cfc6c", 16);

    private TorchCheckpointReader() {
    }

    /** A storage inside the checkpoint: where its bytes are and how many elements of which type. */
    private record Storage(String key, TorchDType dtype, long elements) {
    }

    /** How deep a state dict may sit inside a training checkpoint ("model" → "state_dict" → ...). */
    private static final int MAX_STATE_DICT_NESTING = 3;

    /** Reads every tensor of {@code file}. */
    public static Map<String, NamedTensor> read(Path file) throws IOException {
        return read(file, name -> true);
    }

    /** Reads the tensors whose names {@code wanted} accepts, in the file's order, as float32. */
    public static Map<String, NamedTensor> read(Path file, Predicate<String> wanted) throws IOException {
        return read(file, wanted, TensorBudget.ANY);
    }

    /**
     * Reads the tensors whose names {@code wanted} accepts, in the file's order, as float32;
     * refuses, before reading any tensor data, a file whose wanted tensors exceed {@code budget}
     * or are not floating point.
     */
    public static Map<String, NamedTensor> read(Path file, Predicate<String> wanted, TensorBudget budget)
            throws IOException {
        byte[] head = new byte[512];
        int headLength;
        try (InputStream in = Files.newInputStream(file)) {
            headLength = in.readNBytes(head, 0, head.length);
        }
        try {
            if (headLength >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                return readZip(file, wanted, budget);
            }
            if (headLength >= 2 && (head[0] & 0xFF) == 0x80) {
                return readLegacy(file, wanted, budget);
            }
        } catch (EOFException e) {
            throw new WeightsFormatException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // Damaged input must end in a message for the user, whatever check it slipped past.
            throw new WeightsFormatException(file + ": damaged checkpoint (" + e + ")", e);
        } catch (StackOverflowError e) {
            // The reader's own recursions are bounded; this is the last line should one be missed.
            throw new WeightsFormatException(file + ": refused: nested too deeply to read; not a plain weights file", e);
        }
        if (headLength >= 262 && new String(head, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar")) {
            throw new WeightsFormatException(file + ": a tar checkpoint from torch 0.1.9 or older, which Atelier"
                    + " does not read; load and save it again with a current torch");
        }
        throw new WeightsFormatException(file + ": not a PyTorch checkpoint (neither a zip nor a pickle stream)");
    }

    private static Map<String, NamedTensor> readZip(Path file, Predicate<String> wanted, TensorBudget budget)
            throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new WeightsFormatException(file + ": the checkpoint's zip directory is missing or damaged"
                    + " (the file is truncated or corrupt): " + e.getMessage(), e);
        }
        try (zip) {
            ZipEntry pickle = zip.stream()
                    .filter(e -> e.getName().endsWith("data.pkl") && e.getName().indexOf('/') == e.getName().length() - 9)
                    .findFirst()
                    .orElseThrow(() -> new WeightsFormatException(file + ": a zip without a data.pkl, not a PyTorch checkpoint"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            ZipEntry byteOrder = zip.getEntry(prefix + "byteorder");
            if (byteOrder != null) {
                String order = new String(readEntry(zip, byteOrder, 16, file), StandardCharsets.US_ASCII).trim();
                if (!order.equals("little")) {
                    throw new WeightsFormatException(file + ": stored " + order + "-endian, only little-endian is supported");
                }
            }
            Map<String, Storage> storages = new HashMap<>();
            String source = file.getFileName() + " (" + pickle.getName() + ")";
            Object root;
            try (InputStream in = new BufferedInputStream(zip.getInputStream(pickle))) {
                root = new RestrictedUnpickler(in, source, id -> storageFromId(id, storages, source)).load();
            }
            Map<String, TensorRef> tensors = wantedTensors(tensorsOf(root, file, 0), wanted, budget, file);
            Map<String, ByteBuffer> data = new HashMap<>();
            Map<String, NamedTensor> result = new LinkedHashMap<>();
            for (Map.Entry<String, TensorRef> entry : tensors.entrySet()) {
                Storage storage = storageOf(entry.getKey(), entry.getValue(), file);
                ByteBuffer bytes = data.get(storage.key());
                if (bytes == null) {
                    ZipEntry storageEntry = zip.getEntry(prefix + "data/" + storage.key());
                    if (storageEntry == null) {
                        throw new WeightsFormatException(file + ": tensor '" + entry.getKey() + "' refers to storage "
                                + storage.key() + ", which the file does not contain (truncated or damaged)");
                    }
                    long expected = storageBytes(storage, file);
                    if (storageEntry.getSize() >= 0 && storageEntry.getSize() != expected) {
                        // The zip's own record of the size, checked before anything is inflated.
                        throw new WeightsFormatException(file + ": storage " + storage.key() + " of tensor '" + entry.getKey()
                                + "' holds " + storageEntry.getSize() + " bytes, expected " + expected + " (damaged)");
                    }
                    byte[] raw = readEntry(zip, storageEntry, expected, file);
                    if (raw.length != expected) {
                        throw new WeightsFormatException(file + ": storage " + storage.key() + " of tensor '" + entry.getKey()
                                + "' holds " + raw.length + " bytes, expected " + expected + " (truncated or damaged)");
                    }
                    bytes = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                    data.put(storage.key(), bytes);
                }
                result.put(entry.getKey(), materialise(entry.getKey(), entry.getValue(), storage, bytes, file));
            }
            return result;
        } catch (ZipException e) {
            throw new WeightsFormatException(file + ": damaged zip data (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readEntry(ZipFile zip, ZipEntry entry, long limit, Path file) throws IOException {
        if (limit > Integer.MAX_VALUE - 16) {
            throw new WeightsFormatException(file + ": entry " + entry.getName() + " is too large to read");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            // One byte more than needed tells a too-long entry from an exact one without reading a bomb.
            return in.readNBytes((int) limit + 1);
        } catch (EOFException e) {
            throw new WeightsFormatException(file + ": entry " + entry.getName() + " is cut off (truncated file)", e);
        }
    }

    private static Map<String, NamedTensor> readLegacy(Path file, Predicate<String> wanted, TensorBudget budget)
            throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            String name = file.getFileName().toString();
            long position = 0;
            PickleResult magic = unpickle(channel, position, name + " (magic number)", id -> {
                throw new WeightsFormatException(name + ": unexpected persistent id in the header");
            });
            if (!LEGACY_MAGIC.equals(magic.value() instanceof Long l ? java.math.BigInteger.valueOf(l) : magic.value())) {
                throw new WeightsFormatException(file + ": starts with a pickle but not with torch's magic number;"
                        + " not a PyTorch checkpoint");
            }
            PickleResult protocol = unpickle(channel, magic.end(), name + " (protocol)", id -> null);
            if (!Long.valueOf(1001).equals(protocol.value())) {
                throw new WeightsFormatException(file + ": unsupported legacy checkpoint protocol "
                        + (protocol.value() instanceof Long number ? number : RestrictedUnpickler.describe(protocol.value())));
            }
            PickleResult sysInfo = unpickle(channel, protocol.end(), name + " (system info)", id -> null);
            if (sysInfo.value() instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) {
                throw new WeightsFormatException(file + ": saved on a big-endian machine, which is not supported");
            }
            Map<String, Storage> storages = new HashMap<>();
            String source = name + " (state dict)";
            PickleResult main = unpickle(channel, sysInfo.end(), source, id -> storageFromId(id, storages, source));
            PickleResult keys = unpickle(channel, main.end(), name + " (storage keys)", id -> null);
            if (!(keys.value() instanceof List<?> keyList)) {
                throw new WeightsFormatException(file + ": damaged: the storage key list is missing");
            }
            // Storages follow the key list in its order, each as an int64 element count and raw bytes.
            Map<String, Long> dataOffsets = new HashMap<>();
            long at = keys.end();
            long size = channel.size();
            for (Object key : keyList) {
                Storage storage = key instanceof String storageKey ? storages.get(storageKey) : null;
                if (storage == null) {
                    throw new WeightsFormatException(file + ": damaged: storage " + key + " is listed but not used");
                }
                ByteBuffer count = readAt(channel, at, 8, file, "the size of storage " + key);
                long elements = count.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
                if (elements != storage.elements()) {
                    throw new WeightsFormatException(file + ": damaged: storage " + key + " says " + elements
                            + " elements, the state dict says " + storage.elements());
                }
                long length = storageBytes(storage, file);
                if (length > size - 8 - at) {
                    throw new WeightsFormatException(file + ": truncated: storage " + key + " needs " + length
                            + " bytes from byte " + (at + 8) + " but the file ends at byte " + size);
                }
                dataOffsets.put(storage.key(), at + 8);
                at += 8 + length;
            }
            Map<String, TensorRef> tensors = wantedTensors(tensorsOf(main.value(), file, 0), wanted, budget, file);
            Map<String, NamedTensor> result = new LinkedHashMap<>();
            Map<String, ByteBuffer> data = new HashMap<>();
            for (Map.Entry<String, TensorRef> entry : tensors.entrySet()) {
                Storage storage = storageOf(entry.getKey(), entry.getValue(), file);
                Long offset = dataOffsets.get(storage.key());
                if (offset == null) {
                    throw new WeightsFormatException(file + ": damaged: the data of tensor '" + entry.getKey() + "' is missing");
                }
                long length = storageBytes(storage, file);
                if (length > Integer.MAX_VALUE) {
                    throw new WeightsFormatException(file + ": storage of '" + entry.getKey() + "' is too large");
                }
                ByteBuffer bytes = data.get(storage.key());
                if (bytes == null) {
                    bytes = readAt(channel, offset, (int) length, file, "tensor '" + entry.getKey() + "'");
                    bytes.order(ByteOrder.LITTLE_ENDIAN);
                    data.put(storage.key(), bytes);
                }
                result.put(entry.getKey(), materialise(entry.getKey(), entry.getValue(), storage, bytes, file));
            }
            return result;
        }
    }

    private record PickleResult(Object value, long end) {
    }

    private static PickleResult unpickle(FileChannel channel, long start, String source,
                                         RestrictedUnpickler.PersistentLoader loader) throws IOException {
        channel.position(start);
        // Not closed: closing it would close the channel, which the caller still reads.
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        RestrictedUnpickler unpickler = new RestrictedUnpickler(in, source, loader);
        Object value = unpickler.load();
        return new PickleResult(value, start + unpickler.bytesRead());
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length, Path file, String what)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new WeightsFormatException(file + ": truncated: the file ends inside " + what);
            }
        }
        buffer.flip();
        return buffer;
    }

    /** torch's persistent id for a storage: ('storage', StorageType, key, location, numel[, view]). */
    private static Object storageFromId(Object id, Map<String, Storage> storages, String source)
            throws WeightsFormatException {
        if (!(id instanceof PythonTuple tuple) || tuple.size() < 5 || !"storage".equals(tuple.get(0))) {
            throw new WeightsFormatException(source + ": refused: a persistent reference that is not a torch storage");
        }
        if (!(tuple.get(1) instanceof StorageType type)) {
            throw new WeightsFormatException(source + ": refused: storage of an unknown type");
        }
        if (tuple.size() > 5 && tuple.get(5) != null) {
            throw new WeightsFormatException(source + ": storage views (torch before 0.4) are not supported");
        }
        if (!(tuple.get(2) instanceof String key)) {
            throw new WeightsFormatException(source + ": damaged: a storage key that is not a string");
        }
        if (!(tuple.get(4) instanceof Long elements) || elements < 0) {
            throw new WeightsFormatException(source + ": damaged: storage " + key + " has no element count");
        }
        Storage storage = new Storage(key, type.dtype(), elements);
        Storage previous = storages.putIfAbsent(key, storage);
        if (previous != null && !previous.equals(storage)) {
            throw new WeightsFormatException(source + ": damaged: storage " + key + " is described twice differently");
        }
        return previous != null ? previous : storage;
    }

    /** The tensors of a state dict, or of the state dict inside a training checkpoint. */
    private static Map<String, TensorRef> tensorsOf(Object root, Path file, int nesting) throws WeightsFormatException {
        if (nesting > MAX_STATE_DICT_NESTING) {
            throw new WeightsFormatException(file + ": refused: its 'state_dict' or 'model' entries nest more than "
                    + MAX_STATE_DICT_NESTING + " deep (a dict inside itself?); not a plain weights file");
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new WeightsFormatException(file + ": holds no dict of tensors (found "
                    + (root == null ? "None" : root.getClass().getSimpleName()) + ")");
        }
        Map<String, TensorRef> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() instanceof String name && entry.getValue() instanceof TensorRef tensor) {
                tensors.put(name, tensor);
            }
        }
        if (tensors.isEmpty()) {
            for (String key : List.of("state_dict", "model", "model_state_dict")) {
                if (map.get(key) instanceof Map<?, ?> nested) {
                    return tensorsOf(nested, file, nesting + 1);
                }
            }
            throw new WeightsFormatException(file + ": holds no tensors");
        }
        return tensors;
    }

    /**
     * The tensors {@code wanted} accepts, checked before any of their data is read: floating point
     * (integer storages are counts or indices, never weights: the other readers refuse them too)
     * and within {@code budget}, both as declared storage and as float32 once read (a stride of 0
     * makes one stored value stand for millions).
     */
    private static Map<String, TensorRef> wantedTensors(Map<String, TensorRef> tensors, Predicate<String> wanted,
                                                        TensorBudget budget, Path file) throws WeightsFormatException {
        Map<String, TensorRef> result = new LinkedHashMap<>();
        Map<String, Long> declared = new HashMap<>();
        long materialised = 0;
        for (Map.Entry<String, TensorRef> entry : tensors.entrySet()) {
            if (!wanted.test(entry.getKey())) {
                continue;
            }
            Storage storage = storageOf(entry.getKey(), entry.getValue(), file);
            if (!storage.dtype().floating()) {
                throw new WeightsFormatException(file + ": tensor '" + entry.getKey() + "' holds "
                        + storage.dtype().label() + " values; weights must be floating point (float32, float64,"
                        + " float16 or bfloat16)");
            }
            declared.put(storage.key(), storageBytes(storage, file));
            try {
                materialised = Math.addExact(materialised,
                        Math.multiplyExact(NamedTensor.elementCount(entry.getValue().size()), (long) Float.BYTES));
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new WeightsFormatException(file + ": tensor '" + entry.getKey() + "' has an impossible shape "
                        + Arrays.toString(entry.getValue().size()));
            }
            result.put(entry.getKey(), entry.getValue());
        }
        long declaredTotal = 0;
        for (long bytes : declared.values()) {
            declaredTotal = declaredTotal > Long.MAX_VALUE - bytes ? Long.MAX_VALUE : declaredTotal + bytes;
        }
        budget.check(file.toString(), "declares", declaredTotal);
        budget.check(file.toString(), "would hold", materialised);
        return result;
    }

    /** The bytes {@code storage} takes, overflow-checked: a hostile element count must not wrap to a small number. */
    private static long storageBytes(Storage storage, Path file) throws WeightsFormatException {
        try {
            return Math.multiplyExact(storage.elements(), (long) storage.dtype().size());
        } catch (ArithmeticException e) {
            throw new WeightsFormatException(file + ": storage " + storage.key() + " is too large: "
                    + storage.elements() + " " + storage.dtype().label() + " elements");
        }
    }

    private static Storage storageOf(String name, TensorRef ref, Path file) throws WeightsFormatException {
        if (ref.storage() instanceof Storage storage) {
            return storage;
        }
        throw new WeightsFormatException(file + ": tensor '" + name + "' is not built on a storage (damaged)");
    }

    private static NamedTensor materialise(String name, TensorRef ref, Storage storage, ByteBuffer bytes, Path file)
            throws WeightsFormatException {
        long[] size = ref.size();
        long[] stride = ref.stride();
        if (size.length != stride.length) {
            throw new WeightsFormatException(file + ": tensor '" + name + "' has " + size.length + " sizes but "
                    + stride.length + " strides");
        }
        long count;
        long last = ref.offset();
        try {
            count = NamedTensor.elementCount(size);
            for (int d = 0; d < size.length; d++) {
                if (stride[d] < 0) {
                    throw new WeightsFormatException(file + ": tensor '" + name + "' has a negative stride");
                }
                if (size[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new WeightsFormatException(file + ": tensor '" + name + "' has an impossible shape "
                    + Arrays.toString(size));
        }
        if (ref.offset() < 0 || (count > 0 && last >= storage.elements())) {
            throw new WeightsFormatException(file + ": tensor '" + name + "' " + Arrays.toString(size)
                    + " reaches element " + last + " of a storage of " + storage.elements() + " (damaged)");
        }
        if (count > Integer.MAX_VALUE) {
            throw new WeightsFormatException(file + ": tensor '" + name + "' is too large");
        }
        float[] data = new float[(int) count];
        long[] index = new long[size.length];
        for (int i = 0; i < data.length; i++) {
            long at = ref.offset();
            for (int d = 0; d < size.length; d++) {
                at += index[d] * stride[d];
            }
            data[i] = storage.dtype().read(bytes, at);
            for (int d = size.length - 1; d >= 0; d--) {
                if (++index[d] < size[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new NamedTensor(name, size, data);
    }
}
