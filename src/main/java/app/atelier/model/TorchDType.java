package app.atelier.model;

import java.nio.ByteBuffer;

/** Element types of torch storages, with how to read one element as a float. */
enum TorchDType {
    FLOAT32("FloatStorage", 4),
    FLOAT64("DoubleStorage", 8),
    FLOAT16("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    INT64("LongStorage", 8),
    INT32("IntStorage", 4),
    INT16("ShortStorage", 2),
    INT8("CharStorage", 1),
    UINT8("ByteStorage", 1),
    BOOL("BoolStorage", 1);

    private final String storageName;
    private final int size;

    TorchDType(String storageName, int size) {
        this.storageName = storageName;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** Whether the values are floating point, as weights are; integer storages hold counts or indices. */
    boolean floating() {
        return this == FLOAT32 || this == FLOAT64 || this == FLOAT16 || this == BFLOAT16;
    }

    /** The type's usual name: "float32", "int64". */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static TorchDType ofStorage(String name) {
        for (TorchDType type : values()) {
            if (type.storageName.equals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Element {@code index} of a little-endian buffer. */
    float read(ByteBuffer littleEndian, long index) {
        int at = Math.toIntExact(index * size);
        return switch (this) {
            case FLOAT32 -> littleEndian.getFloat(at);
            case FLOAT64 -> (float) littleEndian.getDouble(at);
            case FLOAT16 -> Float.intBitsToFloat(halfToFloatBits(littleEndian.getShort(at)));
            case BFLOAT16 -> Float.intBitsToFloat((littleEndian.getShort(at) & 0xFFFF) << 16);
            case INT64 -> littleEndian.getLong(at);
            case INT32 -> littleEndian.getInt(at);
            case INT16 -> littleEndian.getShort(at);
            case INT8 -> littleEndian.get(at);
            case UINT8, BOOL -> littleEndian.get(at) & 0xFF;
        };
    }

    private static int halfToFloatBits(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return sign | 0x7F800000 | mantissa << 13;
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return sign;
            }
            // Subnormal half: normalise it, since every half subnormal is a normal float.
            int shift = Integer.numberOfLeadingZeros(mantissa) - 21;
            mantissa = (mantissa << shift) & 0x3FF;
            exponent = 1 - shift;
        }
        return sign | (exponent + 112) << 23 | mantissa << 13;
    }
}
