package app.atelier.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The checkpoints an attacker would hand over, each built here byte by byte: small files that
 * make a naive reader hash for ever, recurse off the stack or allocate gigabytes.
 */
public final class HostileCheckpoints {

    private HostileCheckpoints() {
    }

    /**
     * A tuple nested {@code depth} deep, each level a pair of the level below (the same object
     * twice, through the memo), used as a dict key: hashing it naively takes 2^depth steps.
     */
    public static Path nestedTupleKey(Path file, int depth) throws IOException {
        PickleBuilder pickle = PickleBuilder.protocol2().emptyDict().str("x").put(0);
        for (int level = 0; level < depth; level++) {
            pickle.op('0').get(level).get(level).op(0x86).put(level + 1);
        }
        return pickle.integer(1).setItem().stop().writeZip(file);
    }

    /** A list that contains itself, used as a dict key: hashing it naively never ends. */
    public static Path selfContainingListKey(Path file) throws IOException {
        return PickleBuilder.protocol2().emptyDict().emptyList().put(0).get(0).op('a')
                .integer(1).setItem().stop().writeZip(file);
    }

    /** A dict whose "state_dict" entry is the dict itself, as training checkpoints nest theirs. */
    public static Path selfNestedStateDict(Path file) throws IOException {
        return PickleBuilder.protocol2().emptyDict().put(0).str("state_dict").get(0).setItem().stop().writeZip(file);
    }

    /** One VGG19 tensor name over a float storage declared with {@code elements} elements, holding 4 bytes. */
    public static Path declaredStorage(Path file, long elements, long[] size, long[] stride) throws IOException {
        return PickleBuilder.protocol2().emptyDict().str("features.0.weight")
                .tensor("FloatStorage", "0", elements, size, stride).setItem().stop()
                .storage("0", new byte[4]).writeZip(file);
    }
}
