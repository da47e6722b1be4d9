package app.atelier.model;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Python unpickler that can only build data: numbers, strings, tuples, lists, dicts, and the few
 * torch objects a saved state dict holds. It never runs anything from the pickle.
 *
 * <p>Python's own unpickler calls whatever function a pickle names, which is how a checkpoint can
 * run {@code os.system} when loaded. Here a {@code GLOBAL} is accepted only when it is on a short
 * list, and a {@code REDUCE} only "calls" Java stand-ins for those: an ordered dict, and torch's
 * tensor rebuild functions, which become {@link TensorRef}s. Anything else stops reading with a
 * message that names it and where it is.
 */
final class RestrictedUnpickler {

    /** A whitelisted Python global ({@code module.name}), only ever used as a tag, never called. */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** A torch storage type such as {@code torch.FloatStorage}, with its element type. */
    record StorageType(String name, TorchDType dtype) {
    }

    /** A tensor as torch rebuilds it: a view of a storage. */
    record TensorRef(Object storage, long offset, long[] size, long[] stride) {
    }

    /** Turns a persistent id (torch's pointer to a storage) into a storage object. */
    interface PersistentLoader {
        Object load(Object persistentId) throws WeightsFormatException;
    }

    /** Python's None inside immutable collections, which reject null. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static final Object MARK = new Object();

    private static final Set<String> CALLABLE_GLOBALS = Set.of(
            "collections.OrderedDict",
            "torch._utils._rebuild_tensor",
            "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_parameter");

    private final PickleInput input;
    private final String source;
    private final PersistentLoader persistentLoader;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private final PickleLimits limits;
    private long opcodeStart;

    /**
     * @param in     positioned at the pickle's first byte; read up to its STOP and no further
     * @param source how to call the pickle in messages, e.g. "model.pth (data.pkl)"
     */
    RestrictedUnpickler(InputStream in, String source, PersistentLoader persistentLoader) {
        this.source = source;
        this.persistentLoader = persistentLoader;
        this.limits = new PickleLimits(source);
        this.input = new PickleInput(in, source, limits);
    }

    /** How many bytes the pickle took, including its STOP. */
    long bytesRead() {
        return input.position();
    }

    Object load() throws IOException {
        while (true) {
            opcodeStart = input.position();
            limits.opcode();
            int op = input.readByte();
            switch (op) {
                case 0x80 -> input.readByte();                              // PROTO n
                case 0x95 -> input.readLong8();                             // FRAME length
                case '.' -> {                                         // STOP
                    if (stack.size() != 1) {
                        throw damaged("STOP with " + stack.size() + " objects on the stack");
                    }
                    return unwrap(stack.get(0));
                }
                case '(' -> {
                    marks.add(stack.size());
                    push(MARK);
                }
                case '0' -> pop();
                case '1' -> popToMark();
                case '2' -> push(peek());
                case 'N' -> push(NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> pushNew((long) input.readInt4());
                case 'K' -> push((long) input.readByte());
                case 'M' -> pushNew((long) (input.readByte() | input.readByte() << 8));
                case 0x8a -> pushNew(input.readLong(input.readByte()));
                case 0x8b -> pushNew(input.readLong(input.checkedLength(input.readInt4())));
                case 'G' -> pushNew(Double.longBitsToDouble(input.readLongBigEndian()));
                case 'X' -> pushNew(input.readString(input.checkedLength(input.readInt4())));
                case 0x8c -> pushNew(input.readString(input.readByte()));
                case 0x8d -> pushNew(input.readString(input.checkedLength(input.readLong8())));
                case 'T' -> pushNew(input.readAscii(input.checkedLength(input.readInt4())));
                case 'U' -> pushNew(input.readAscii(input.readByte()));
                case 'B' -> pushNew(input.readBytes(input.checkedLength(input.readInt4())));
                case 'C' -> pushNew(input.readBytes(input.readByte()));
                case ')' -> push(tuple(List.of()));
                case 't' -> push(tuple(popToMark()));
                case 0x85 -> push(tuple(popN(1)));
                case 0x86 -> push(tuple(popN(2)));
                case 0x87 -> push(tuple(popN(3)));
                case ']' -> push(newList(List.of()));
                case 'l' -> push(newList(popToMark()));
                case 'a' -> {
                    Object item = pop();
                    addAll(asList(peek()), List.of(item));
                }
                case 'e' -> {
                    List<Object> items = popToMark();
                    addAll(asList(peek()), items);
                }
                case '}' -> push(newDict());
                case 'd' -> {
                    List<Object> items = popToMark();
                    Map<Object, Object> dict = newDict();
                    putPairs(dict, items);
                    push(dict);
                }
                case 's' -> {
                    Object value = pop();
                    Object key = pop();
                    put(asDict(peek()), key, value);
                }
                case 'u' -> {
                    List<Object> items = popToMark();
                    putPairs(asDict(peek()), items);
                }
                case 'q' -> memoPut(input.readByte());
                case 'r' -> memoPut(input.readInt4() & 0xFFFFFFFFL);
                case 0x94 -> memoPut(memo.size());
                case 'h' -> push(memoGet(input.readByte()));
                case 'j' -> push(memoGet(input.readInt4() & 0xFFFFFFFFL));
                case 'c' -> push(global(input.readLine(), input.readLine()));
                case 0x93 -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw damaged("STACK_GLOBAL needs two strings");
                    }
                    push(global(m, n));
                }
                case 'R' -> {
                    Object args = pop();
                    Object callable = pop();
                    push(reduce(callable, args));
                }
                case 'b' -> {
                    Object state = pop();
                    build(peek(), state);
                }
                case 'Q' -> push(persistentLoader.load(unwrap(pop())));
                default -> throw new WeightsFormatException(source + ": refused: pickle opcode " + describeOpcode(op)
                        + " at byte " + opcodeStart + " is not used by plain weight files; Atelier reads only"
                        + " state dicts of tensors and never runs code from a checkpoint");
            }
        }
    }

    private Object global(String module, String name) throws WeightsFormatException {
        String qualified = module + "." + name;
        if (CALLABLE_GLOBALS.contains(qualified)) {
            return new Global(module, name);
        }
        // Checkpoints saved from a GPU name CUDA storage types; the bytes on disk are the same.
        if ((module.equals("torch") || module.equals("torch.cuda")) && name.endsWith("Storage")) {
            TorchDType dtype = TorchDType.ofStorage(name);
            if (dtype != null) {
                return new StorageType(name, dtype);
            }
        }
        throw new WeightsFormatException(source + ": refused: the pickle names the Python function '" + qualified
                + "' (byte " + opcodeStart + "). A weights file needs only tensors and dicts; a checkpoint that"
                + " refers to other code could run it when loaded, so Atelier does not read it. Nothing was run.");
    }

    private Object reduce(Object callable, Object argsObject) throws WeightsFormatException {
        if (!(callable instanceof Global function)) {
            throw new WeightsFormatException(source + ": refused: the pickle calls " + describe(callable)
                    + " (byte " + opcodeStart + "), which is not a function Atelier accepts. Nothing was run.");
        }
        if (!(argsObject instanceof PythonTuple args)) {
            throw damaged("arguments of " + function + " are not a tuple");
        }
        switch (function.toString()) {
            case "collections.OrderedDict" -> {
                Map<Object, Object> dict = newDict();
                if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
                    for (Object pair : pairs) {
                        if (!(pair instanceof PythonTuple t) || t.size() != 2) {
                            throw damaged("OrderedDict built from something other than pairs");
                        }
                        put(dict, t.get(0), t.get(1));
                    }
                } else if (args.size() != 0) {
                    throw damaged("OrderedDict called with " + args.size() + " arguments");
                }
                return dict;
            }
            case "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2" -> {
                if (args.size() < 4) {
                    throw damaged(function + " called with " + args.size() + " arguments, expected at least 4");
                }
                return new TensorRef(args.get(0), asLong(args.get(1), "storage offset"),
                        longs(args.get(2), "size"), longs(args.get(3), "stride"));
            }
            case "torch._utils._rebuild_parameter" -> {
                if (args.size() < 1 || !(args.get(0) instanceof TensorRef)) {
                    throw damaged(function + " called without a tensor");
                }
                return args.get(0);
            }
            default -> throw new IllegalStateException("unhandled whitelisted global " + function);
        }
    }

    private void build(Object target, Object state) throws WeightsFormatException {
        // torch's state_dict() carries a '_metadata' attribute (layer versions) set by BUILD on the
        // OrderedDict; it holds no tensors, so it is read and dropped.
        if (!(target instanceof Map)) {
            throw new WeightsFormatException(source + ": refused: the pickle sets the state of "
                    + describe(target) + " (byte " + opcodeStart + "), which plain weight files never do");
        }
    }

    static String describe(Object value) {
        if (value instanceof Global g) {
            return "'" + g + "'";
        }
        if (value instanceof StorageType s) {
            return "'torch." + s.name() + "'";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "a dict";
        }
        return value == null || value == NONE ? "None" : "a " + value.getClass().getSimpleName();
    }

    private static String describeOpcode(int op) {
        String name = switch (op) {
            case 'i' -> "INST";
            case 'o' -> "OBJ";
            case 0x81 -> "NEWOBJ";
            case 0x92 -> "NEWOBJ_EX";
            case 'P' -> "PERSID";
            case 0x82, 0x83, 0x84 -> "EXT";
            case 'I', 'L', 'F', 'S', 'V', 'g', 'p' -> "text-protocol opcode";
            default -> "unknown";
        };
        String printable = op >= 0x20 && op < 0x7f ? " '" + (char) op + "'" : "";
        return String.format("0x%02x%s (%s)", op, printable, name);
    }

    private static Object unwrap(Object value) {
        return value == NONE ? null : value;
    }

    private void putPairs(Map<Object, Object> dict, List<Object> items) throws WeightsFormatException {
        if (items.size() % 2 != 0) {
            throw damaged("odd number of items for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            put(dict, items.get(i), items.get(i + 1));
        }
    }

    private PythonTuple tuple(List<Object> items) throws WeightsFormatException {
        limits.object();
        limits.items("tuple", items.size(), items.size());
        PythonTuple tuple = new PythonTuple(items);
        limits.tupleDepth(tuple.depth());
        return tuple;
    }

    private List<Object> newList(List<Object> items) throws WeightsFormatException {
        limits.object();
        limits.items("list", items.size(), items.size());
        return new ArrayList<>(items);
    }

    private Map<Object, Object> newDict() throws WeightsFormatException {
        limits.object();
        return new LinkedHashMap<>();
    }

    private void addAll(List<Object> list, List<Object> items) throws WeightsFormatException {
        limits.items("list", (long) list.size() + items.size(), items.size());
        list.addAll(items);
    }

    private void put(Map<Object, Object> dict, Object key, Object value) throws WeightsFormatException {
        checkKey(key, 0);
        limits.items("dict", dict.size() + 1L, 1);
        dict.put(key, value);
    }

    /**
     * Dict keys must be what Python can hash (numbers, strings, tuples of those): a list or dict
     * as a key is not a real pickle, and hashing a list that contains itself never ends. Tuples
     * are at most {@link PickleLimits#MAX_TUPLE_DEPTH} deep, so this recursion is bounded.
     */
    private void checkKey(Object key, int depth) throws WeightsFormatException {
        if (key instanceof PythonTuple tuple) {
            for (int i = 0; i < tuple.size(); i++) {
                checkKey(tuple.get(i), depth + 1);
            }
            return;
        }
        if (!(key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Double || key instanceof Boolean)) {
            throw new WeightsFormatException(source + ": refused: the pickle uses " + describe(key)
                    + " as a dict key (byte " + opcodeStart + "), which Python cannot hash; not a plain weights file");
        }
    }

    private void memoPut(long key) throws WeightsFormatException {
        Object value = peek();
        if (memo.put(key, value) == null) {
            limits.memo(memo.size());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> asList(Object value) throws WeightsFormatException {
        if (value instanceof List<?> list && !(value instanceof PythonTuple)) {
            return (List<Object>) list;
        }
        throw damaged("appending to " + describe(value));
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> asDict(Object value) throws WeightsFormatException {
        if (value instanceof Map<?, ?> map) {
            return (Map<Object, Object>) map;
        }
        throw damaged("setting an item of " + describe(value));
    }

    private long asLong(Object value, String what) throws WeightsFormatException {
        if (value instanceof Long l) {
            return l;
        }
        throw damaged(what + " is not an integer");
    }

    private long[] longs(Object value, String what) throws WeightsFormatException {
        if (!(value instanceof PythonTuple tuple)) {
            throw damaged(what + " is not a tuple");
        }
        long[] result = new long[tuple.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = asLong(tuple.get(i), what);
        }
        return result;
    }

    private Object memoGet(long key) throws WeightsFormatException {
        Object value = memo.get(key);
        if (value == null) {
            throw damaged("memo entry " + key + " used before it was stored");
        }
        return value;
    }

    /** Pushes an object the pickle just built (a number, a string), counting it against the limits. */
    private void pushNew(Object value) throws WeightsFormatException {
        limits.object();
        push(value);
    }

    private void push(Object value) throws WeightsFormatException {
        limits.stack(stack.size() + 1);
        stack.add(value);
    }

    private Object peek() throws WeightsFormatException {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
            throw damaged("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private Object pop() throws WeightsFormatException {
        Object value = peek();
        stack.remove(stack.size() - 1);
        return value;
    }

    private List<Object> popN(int count) throws WeightsFormatException {
        Object[] items = new Object[count];
        for (int i = count - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Arrays.asList(items);
    }

    private List<Object> popToMark() throws WeightsFormatException {
        if (marks.isEmpty()) {
            throw damaged("MARK missing");
        }
        int mark = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
        stack.subList(mark, stack.size()).clear();
        return items;
    }

    private WeightsFormatException damaged(String what) {
        return new WeightsFormatException(source + ": damaged pickle at byte " + opcodeStart + ": " + what);
    }
}
