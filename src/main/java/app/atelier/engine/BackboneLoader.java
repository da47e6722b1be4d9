package app.atelier.engine;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;

/** Loads the backbone a {@link JobSpec} names. */
final class BackboneLoader {

    private BackboneLoader() {
    }

    static Backbone load(BackboneKind kind, Path weights, Pooling pooling, Device device, DataType dataType)
            throws IOException {
        NativeWarnings.silence();
        return switch (kind) {
            case SQUEEZENET1_1 -> SqueezeNetBackbone.load(weights, device, dataType);
            case VGG19 -> Vgg19Backbone.load(weights, pooling, device, dataType);
        };
    }
}
