package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Convolution and max-pooling: values by hand, and gradients against finite differences over several shapes. */
class ConvPoolGradientTest {

    @Test
    void convolutionByHand() {
        // one 3x3 input, one 2x2 filter [[1, 2], [3, 4]], bias 0.5, stride 1, no padding
        ConvLayer conv = new ConvLayer(0, 1, 3, 3, 1, 2, 1, 0, Activation.IDENTITY);
        conv.weights().value().setTo(new DMatrixRMaj(new double[][] {{1, 2, 3, 4}}));
        conv.bias().value().set(0, 0, 0.5);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8, 9}});
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        conv.forwardLinear(x, z);
        // top-left: 1*1 + 2*2 + 3*4 + 4*5 = 37, + 0.5
        assertEquals(4, z.numCols);
        assertEquals(37.5, z.get(0, 0), 0);
        assertEquals(1 * 2 + 2 * 3 + 3 * 5 + 4 * 6 + 0.5, z.get(0, 1), 0);
        assertEquals(1 * 5 + 2 * 6 + 3 * 8 + 4 * 9 + 0.5, z.get(0, 3), 0);
        // padding 1: the corner sees only the input's top-left pixel under the filter's bottom-right tap
        ConvLayer padded = new ConvLayer(0, 1, 3, 3, 1, 2, 1, 1, Activation.IDENTITY);
        padded.weights().value().setTo(new DMatrixRMaj(new double[][] {{1, 2, 3, 4}}));
        padded.forwardLinear(x, z);
        assertEquals(16, z.numCols);
        assertEquals(4 * 1, z.get(0, 0), 0);
    }

    @Test
    void maxPoolByHandRoutesTheGradientToTheLargest() {
        MaxPoolLayer pool = new MaxPoolLayer(0, 1, 4, 4, 2);
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 2, 9, 0, 3, 7}});
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        pool.forwardLinear(x, z);
        assertEquals(5, z.get(0, 0), 0);
        assertEquals(8, z.get(0, 1), 0);
        assertEquals(9, z.get(0, 2), 0);
        assertEquals(7, z.get(0, 3), 0);
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        pool.backwardLinear(x, new DMatrixRMaj(new double[][] {{10, 20, 30, 40}}), g);
        assertEquals(10, g.get(0, 1), 0);
        assertEquals(20, g.get(0, 6), 0);
        assertEquals(30, g.get(0, 12), 0);
        assertEquals(40, g.get(0, 15), 0);
        assertEquals(100, java.util.Arrays.stream(g.data).sum(), 0, "every other input gets nothing");
    }

    /** conv (C x H x W, F filters k x k, stride, padding, tanh) -> 2x2 max-pool -> dense softmax over 3 classes. */
    @ParameterizedTest(name = "C={0} {1}x{2} F={3} k={4} s={5} p={6}")
    @CsvSource({"1,6,6,2,3,1,1", "2,7,5,3,3,2,0", "1,5,5,2,2,1,2", "3,8,8,4,5,1,2", "2,9,9,2,3,3,1"})
    void convAndPoolGradientsMatchFiniteDifferences(int c, int h, int w, int f, int k, int stride, int pad) {
        SplittableRandom random = new SplittableRandom(c * 100 + h * 10 + k);
        ConvLayer conv = new ConvLayer(0, c, h, w, f, k, stride, pad, Activation.TANH);
        conv.initialize(new Initializer.Uniform(-0.5, 0.5), new Initializer.Uniform(-0.1, 0.1), random);
        MaxPoolLayer pool = new MaxPoolLayer(1, f, conv.outHeight(), conv.outWidth(), 2);
        DenseLayer dense = new DenseLayer(2, pool.outputSize(), 3, Activation.SOFTMAX, BiasMode.TRAINED);
        dense.initialize(new Initializer.Uniform(-0.5, 0.5), new Initializer.Uniform(-0.1, 0.1), random);
        Network net = new Network.Builder(conv.inputSize(), Loss.SOFTMAX_CROSS_ENTROPY).add(conv).add(pool).add(dense)
                .build();
        DMatrixRMaj x = new DMatrixRMaj(3, conv.inputSize());
        for (int i = 0; i < x.getNumElements(); i++) {
            x.data[i] = random.nextDouble(-1, 1);
        }
        DMatrixRMaj t = new DMatrixRMaj(3, 3);
        for (int r = 0; r < 3; r++) {
            t.set(r, random.nextInt(3), 1);
        }
        GradientCheck.Result r = GradientCheck.check(net, x, t, Regularization.NONE, 1e-5);
        assertTrue(r.maxError() < 1e-6, r.worst().toString());
        assertEquals(f * c * k * k + f + pool.outputSize() * 3 + 3, r.entries().size());
        GradientCheck.Result in = GradientCheck.checkInput(net, x, t, Regularization.NONE, 1e-5);
        assertTrue(in.maxError() < 1e-6, "input gradient (saliency): " + in.worst());
    }
}
