package app.atelier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.atelier.engine.BackboneKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints built to hurt the reader (hang it, overflow its stack, make it allocate gigabytes)
 * are refused with a message naming the file, before the damage; nothing is installed.
 */
@Timeout(120) // a guard against the hangs these files used to cause, not a speed requirement
class HostileCheckpointTest {

    @TempDir
    Path dir;

    private Path models() {
        return dir.resolve("models");
    }

    private void assertRefused(Path file, String... phrases) {
        assertThatThrownBy(() -> WeightsImporter.importInto(file, BackboneKind.VGG19, models()))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining(file.getFileName().toString())
                .hasMessageContainingAll(phrases)
                .message().doesNotContain("\n");
        assertThat(models().resolve("vgg19.safetensors")).doesNotExist();
    }

    @Test
    void tuplesNestedSixtyDeepAsADictKeyAreRefused() throws IOException {
        assertRefused(HostileCheckpoints.nestedTupleKey(dir.resolve("hostile-1.pth"), 60), "nested deeper than");
    }

    @Test
    void aListContainingItselfAsADictKeyIsRefused() throws IOException {
        assertRefused(HostileCheckpoints.selfContainingListKey(dir.resolve("hostile-2.pth")), "dict key");
    }

    @Test
    void aStateDictNestedInItselfIsRefused() throws IOException {
        assertRefused(HostileCheckpoints.selfNestedStateDict(dir.resolve("hostile-3.pth")), "state_dict");
    }

    @Test
    void storageDeclaringFarMoreThanVgg19NeedsIsRefusedBeforeItIsRead() throws IOException {
        // 256 MiB of float32 declared for one tensor; VGG19's convolutions need 80 MB in all.
        long elements = 64L << 20;
        assertRefused(HostileCheckpoints.declaredStorage(dir.resolve("hostile-4.pth"), elements,
                new long[] {elements}, new long[] {1}), "declares", "VGG19", "refused before reading");
    }

    @Test
    void aTensorRepeatingOneValueMillionsOfTimesIsRefusedBeforeItIsBuilt() throws IOException {
        // Stride 0: one stored float stands for 64 Mi values, 256 MiB once materialised.
        assertRefused(HostileCheckpoints.declaredStorage(dir.resolve("hostile-5.pth"), 1,
                new long[] {64L << 20}, new long[] {0}), "VGG19", "refused before reading");
    }

    @Test
    void overlongPickleStreamIsRefused() throws IOException {
        PickleBuilder pickle = PickleBuilder.protocol2().emptyList();
        for (int i = 0; i < 600_000; i++) {
            pickle.mark().str("0123456789012345678901234567890123456789").op('e');
        }
        assertRefused(pickle.stop().writeZip(dir.resolve("hostile-6.pth")), "pickle stream");
    }

    @Test
    void hugeMemoIsRefused() throws IOException {
        PickleBuilder pickle = PickleBuilder.protocol2().emptyDict();
        for (int i = 0; i < 3_000_000; i++) {
            pickle.op(0x94); // MEMOIZE: one byte, one more memo entry
        }
        assertRefused(pickle.stop().writeZip(dir.resolve("hostile-7.pth")), "memo");
    }

    @Test
    void hugeContainerIsRefused() throws IOException {
        PickleBuilder pickle = PickleBuilder.protocol2().emptyDict().str("k").mark();
        for (int i = 0; i < 1_500_000; i++) {
            pickle.op('N');
        }
        assertRefused(pickle.op('l').setItem().stop().writeZip(dir.resolve("hostile-8.pth")), "items");
    }

    @Test
    void integerStoragesAreRefusedLikeTheOtherReadersDo() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2);
        Path file = PickleBuilder.protocol2().emptyDict().str("features.0.bias")
                .tensor("LongStorage", "0", 2, new long[] {2}, new long[] {1}).setItem().stop()
                .storage("0", data.array()).writeZip(dir.resolve("hostile-9.pth"));
        assertThatThrownBy(() -> TorchCheckpointReader.read(file))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("hostile-9.pth")
                .hasMessageContaining("features.0.bias")
                .hasMessageContaining("int64");
    }

    @Test
    void storageSizesThatOverflowSayTheStorageIsTooLarge() throws IOException {
        // 2^62 float32 elements are 2^64 bytes, which wraps to 0 in a long.
        Path file = HostileCheckpoints.declaredStorage(dir.resolve("hostile-10.pth"), 1L << 62,
                new long[] {1}, new long[] {1});
        assertThatThrownBy(() -> TorchCheckpointReader.read(file))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("hostile-10.pth")
                .hasMessageContaining("too large")
                .message().doesNotContain("expected 0");
    }

    @Test
    void legacyStorageSizesThatOverflowSayTheStorageIsTooLarge() throws IOException {
        // torch's legacy format (torchvision's VGG19 file): five pickles, then each storage's count and bytes.
        byte[] magic = new java.math.BigInteger("1950a86a20f9469cfc6c", 16).toByteArray();
        PickleBuilder header = PickleBuilder.protocol2().op(0x8a).op(magic.length);
        for (int i = magic.length - 1; i >= 0; i--) {
            header.op(magic[i] & 0xFF);
        }
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(header.stop().bytes());
        file.writeBytes(PickleBuilder.protocol2().integer(1001).stop().bytes());
        file.writeBytes(PickleBuilder.protocol2().emptyDict().stop().bytes());
        file.writeBytes(PickleBuilder.protocol2().emptyDict().str("features.0.weight")
                .tensor("FloatStorage", "0", 1L << 62, new long[] {1}, new long[] {1}).setItem().stop().bytes());
        file.writeBytes(PickleBuilder.protocol2().emptyList().mark().str("0").op('e').stop().bytes());
        file.writeBytes(ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).putFloat(1).array());
        Path legacy = java.nio.file.Files.write(dir.resolve("hostile-legacy.pth"), file.toByteArray());

        assertThatThrownBy(() -> TorchCheckpointReader.read(legacy))
                .isInstanceOf(WeightsFormatException.class)
                .hasMessageContaining("hostile-legacy.pth")
                .hasMessageContaining("too large")
                .message().doesNotContain("Exception");
    }
}
