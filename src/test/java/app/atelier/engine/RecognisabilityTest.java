package app.atelier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import app.atelier.TestData;
import app.atelier.image.ImageLoader;
import app.atelier.image.ImageResizer;
import app.atelier.image.RgbImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality table's "photo still recognisable" measures on real pictures: the published
 * stylisations of chicago.jpg in ../shared/images/looks (strongly painted, city still there)
 * against the painting and the other photos. Horses is held out of the baseline, so its score
 * shows what an unrelated picture reads without being 0 by construction.
 */
class RecognisabilityTest {

    private static final List<String> LOOKS = List.of("composition_vii", "udnie", "wave");

    private static RgbImage image(String name) throws Exception {
        return ImageLoader.load(TestData.image(name));
    }

    private static RgbImage look(String painting) throws Exception {
        Path file = TestData.image("chicago.jpg").resolveSibling("looks").resolve("chicago_" + painting + ".jpg");
        return ImageResizer.toLongSide(ImageLoader.load(file), 512);
    }

    @Test
    void paintedRendersOfThePhotoKeepItsShapesWhereUnrelatedPicturesDoNot() throws Exception {
        RgbImage photo = ImageResizer.toLongSide(image("chicago.jpg"), 512);
        RgbImage horses = image("horses.jpg");
        for (String painting : LOOKS) {
            Recognisability measure = new Recognisability(photo, List.of(image(painting + ".jpg"), image("dog.jpg")));
            double heldOut = measure.score(horses);
            double render = measure.score(look(painting));

            assertThat(measure.score(photo)).isCloseTo(1.0, within(1e-9));
            assertThat(heldOut).as("horses against chicago, %s baseline", painting).isLessThan(0.2);
            assertThat(render).as("chicago in the style of %s", painting).isGreaterThan(0.4).isGreaterThan(heldOut + 0.3);
        }
    }

    @Test
    void aPaintedRenderOfThePhotoIsLikeItAtADeepLayer() throws Exception {
        // At the quality set's size (at 256 px the layer tells less apart), on the look that is
        // furthest from the photo there (the others score higher); one, to keep the test short.
        RgbImage photo = ImageResizer.toLongSide(image("chicago.jpg"), 512);
        try (Backbone net = SqueezeNetBackbone.load(TestData.squeezenet(), Device.cpu(), DataType.FLOAT32);
             NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            FeatureLikeness likeness = new FeatureLikeness(net, manager);
            List<RgbImage> unrelated = List.of(image("composition_vii.jpg"), image("dog.jpg"));
            double heldOut = likeness.score(ImageResizer.resize(image("horses.jpg"), photo.width(), photo.height()),
                    photo, unrelated);
            double render = likeness.score(look("composition_vii"), photo, unrelated);

            assertThat(likeness.score(photo, photo, unrelated)).isCloseTo(1.0, within(1e-5));
            assertThat(heldOut).as("horses against chicago").isLessThan(0.1);
            assertThat(render).as("chicago in the style of composition_vii").isGreaterThan(heldOut + 0.1);
        }
    }
}
