package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The minimal reproduction of DJL 0.36's bfloat16 crash, run by Bfloat16CastCrashTest in a child
 * JVM: {@code toType(BFLOAT16)} on any float32 array ends the process from native code.
 */
public final class Bfloat16CastCrash {

    private Bfloat16CastCrash() {
    }

    public static void main(String[] args) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray ones = manager.ones(new Shape(2, 2), DataType.FLOAT32);
            System.out.println("casting");
            System.out.flush();
            NDArray cast = ones.toType(DataType.BFLOAT16, false);
            System.out.println("cast to " + cast.getDataType());
        }
    }
}
