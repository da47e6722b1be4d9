package app.atelier.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;

/** One frozen convolution followed by ReLU; weight [out, in, k, k], bias [out]. */
record ConvLayer(String name, NDArray weight, NDArray bias, int stride, int padding) {

    NDArray forwardRelu(NDArray input) {
        if (Bfloat16Casts.isBfloat16(weight) && !Bfloat16Casts.isBfloat16(input)) {
            // bfloat16 weights (the backbone's bfloat16 mode): the network runs in bfloat16 from here.
            return forwardRelu(Bfloat16Casts.toBfloat16(input));
        }
        NDArray convolved = Conv2d.conv2d(input, weight, bias, new Shape(stride, stride),
                new Shape(padding, padding), new Shape(1, 1), 1).singletonOrThrow();
        NDArray activated = Activation.relu(convolved);
        // ReLU's backward needs only its output, so autograd holds no reference to the convolution's
        // output: closing the handle frees it now instead of when the iteration's scope closes (the
        // largest activations of the network, about a third of an iteration's peak memory).
        convolved.close();
        return activated;
    }
}
