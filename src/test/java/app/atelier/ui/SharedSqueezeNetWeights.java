package app.atelier.ui;

import app.atelier.TestData;
import app.atelier.model.WeightsSearchPath;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the weights search path at the shared SqueezeNet folder for one test class and puts the
 * earlier setting back afterwards; the class is skipped when the shared weights are absent.
 */
final class SharedSqueezeNetWeights implements BeforeAllCallback, AfterAllCallback {

    private static final String PREVIOUS = "previousModels";
    // A key in the store, so that an unset property (null) can be told from "never stored".
    private static final String UNSET = "\0unset";

    @Override
    public void beforeAll(ExtensionContext context) {
        String folder = TestData.squeezenet().getParent().toString();
        String previous = System.getProperty(WeightsSearchPath.PROPERTY);
        store(context).put(PREVIOUS, previous == null ? UNSET : previous);
        System.setProperty(WeightsSearchPath.PROPERTY, folder);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String previous = store(context).remove(PREVIOUS, String.class);
        if (previous == null) {
            return; // beforeAll skipped the class before changing anything
        }
        if (previous.equals(UNSET)) {
            System.clearProperty(WeightsSearchPath.PROPERTY);
        } else {
            System.setProperty(WeightsSearchPath.PROPERTY, previous);
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(ExtensionContext.Namespace.create(SharedSqueezeNetWeights.class, context.getRequiredTestClass()));
    }
}
