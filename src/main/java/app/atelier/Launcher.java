package app.atelier;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

public final class Launcher {
    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true");
        try (NDManager m = NDManager.newBaseManager()) {
            System.out.println(Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion() + " " + m.ones(new ai.djl.ndarray.types.Shape(2,2)).sum());
        }
    }
}
