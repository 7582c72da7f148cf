package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The digits networks' products (vectorised, split over the cores, zero terms skipped) against
 * the definitions written out as plain sums, on batches large enough to take those paths, with
 * inputs and deltas that are partly exactly 0 (as behind a ReLU or a pool).
 */
class LargeProductsTest {
    private static final double TOL = 1e-12;

    private static DMatrixRMaj sparse(int rows, int cols, double zeros, SplittableRandom r) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = r.nextDouble() < zeros ? 0 : r.nextDouble(-1, 1);
        }
        return m;
    }

    private static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    @ParameterizedTest(name = "{0} -> {1}, batch {2}")
    @CsvSource({"300, 50, 40", "784, 128, 64", "7, 900, 33", "84, 10, 64", "8, 8, 250"})
    void denseLayerMatchesTheSums(int in, int out, int batch) {
        SplittableRandom r = new SplittableRandom(in * 31L + out);
        DenseLayer layer = new DenseLayer(0, in, out, Activation.RELU, BiasMode.TRAINED);
        layer.initialize(new Initializer.Uniform(-0.3, 0.3), new Initializer.Uniform(-0.1, 0.1), r);
        DMatrixRMaj x = sparse(batch, in, 0.6, r);
        DMatrixRMaj delta = sparse(batch, out, 0.5, r);
        double[] w = layer.weights().value().data;
        double[] b = layer.bias().value().data;
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        layer.forwardLinear(x, z);
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < out; j++) {
                double sum = b[j];
                for (int i = 0; i < in; i++) {
                    sum += w[j * in + i] * x.get(s, i);
                }
                close(sum, z.get(s, j), "z[" + s + "][" + j + "]");
            }
        }
        DMatrixRMaj gx = new DMatrixRMaj(1, 1);
        layer.backwardLinear(x, delta, gx);
        for (int j = 0; j < out; j++) {
            double db = 0;
            for (int s = 0; s < batch; s++) {
                db += delta.get(s, j);
            }
            close(db, layer.bias().gradient().get(j, 0), "db[" + j + "]");
            for (int i = 0; i < in; i++) {
                double dw = 0;
                for (int s = 0; s < batch; s++) {
                    dw += delta.get(s, j) * x.get(s, i);
                }
                close(dw, layer.weights().gradient().get(j, i), "dW[" + j + "][" + i + "]");
            }
        }
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < in; i++) {
                double dx = 0;
                for (int j = 0; j < out; j++) {
                    dx += delta.get(s, j) * w[j * in + i];
                }
                close(dx, gx.get(s, i), "dX[" + s + "][" + i + "]");
            }
        }
    }

    @ParameterizedTest(name = "C={0} {1}x{1} F={2} k={3} s={4} p={5} batch {6}")
    @CsvSource({"1, 28, 6, 5, 1, 2, 20", "6, 14, 16, 5, 1, 0, 12", "2, 13, 4, 3, 2, 1, 24", "3, 9, 5, 4, 3, 2, 17"})
    void convolutionMatchesTheSums(int c, int size, int f, int k, int stride, int pad, int batch) {
        SplittableRandom r = new SplittableRandom(c * 1000L + size * 10 + k);
        ConvLayer conv = new ConvLayer(0, c, size, size, f, k, stride, pad, Activation.RELU);
        conv.initialize(new Initializer.Uniform(-0.3, 0.3), new Initializer.Uniform(-0.1, 0.1), r);
        int oh = conv.outHeight();
        int ow = conv.outWidth();
        DMatrixRMaj x = sparse(batch, conv.inputSize(), 0.5, r);
        DMatrixRMaj delta = sparse(batch, conv.outputSize(), 0.7, r);
        double[] w = conv.weights().value().data;
        double[] b = conv.bias().value().data;
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        conv.forwardLinear(x, z);
        double[] dw = new double[f * c * k * k];
        double[] db = new double[f];
        double[][] dx = new double[batch][c * size * size];
        for (int s = 0; s < batch; s++) {
            for (int filter = 0; filter < f; filter++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        double sum = b[filter];
                        double d = delta.get(s, (filter * oh + oy) * ow + ox);
                        db[filter] += d;
                        for (int ch = 0; ch < c; ch++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int y = oy * stride + ky - pad;
                                    int xx = ox * stride + kx - pad;
                                    if (y < 0 || y >= size || xx < 0 || xx >= size) {
                                        continue;
                                    }
                                    int wi = ((filter * c + ch) * k + ky) * k + kx;
                                    int pixel = (ch * size + y) * size + xx;
                                    sum += w[wi] * x.get(s, pixel);
                                    dw[wi] += d * x.get(s, pixel);
                                    dx[s][pixel] += d * w[wi];
                                }
                            }
                        }
                        close(sum, z.get(s, (filter * oh + oy) * ow + ox), "z sample " + s);
                    }
                }
            }
        }
        DMatrixRMaj gx = new DMatrixRMaj(1, 1);
        conv.backwardLinear(x, delta, gx);
        for (int i = 0; i < dw.length; i++) {
            close(dw[i], conv.weights().gradient().data[i], "dW[" + i + "]");
        }
        for (int i = 0; i < f; i++) {
            close(db[i], conv.bias().gradient().data[i], "db[" + i + "]");
        }
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < dx[s].length; i++) {
                close(dx[s][i], gx.get(s, i), "dX[" + s + "][" + i + "]");
            }
        }
    }

    @ParameterizedTest(name = "{0}x{0} pool over {1}x{2}, batch {3}")
    @CsvSource({"2, 28, 28, 40", "2, 9, 7, 3", "3, 9, 9, 5"})
    void maxPoolTakesTheFirstLargest(int size, int h, int w, int batch) {
        SplittableRandom r = new SplittableRandom(size * 100L + h);
        MaxPoolLayer pool = new MaxPoolLayer(0, 3, h, w, size);
        DMatrixRMaj x = new DMatrixRMaj(batch, 3 * h * w);
        for (int i = 0; i < x.data.length; i++) {
            // few distinct values, so that windows often hold ties
            x.data[i] = r.nextInt(4);
        }
        DMatrixRMaj z = new DMatrixRMaj(1, 1);
        pool.forwardLinear(x, z);
        DMatrixRMaj delta = new DMatrixRMaj(batch, pool.outputSize());
        for (int i = 0; i < delta.data.length; i++) {
            delta.data[i] = i + 1;
        }
        DMatrixRMaj g = new DMatrixRMaj(1, 1);
        pool.backwardLinear(x, delta, g);
        double[] expected = new double[g.data.length];
        int ohs = h / size;
        int ows = w / size;
        for (int s = 0; s < batch; s++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int oy = 0; oy < ohs; oy++) {
                    for (int ox = 0; ox < ows; ox++) {
                        int first = -1;
                        for (int ky = 0; ky < size; ky++) {
                            for (int kx = 0; kx < size; kx++) {
                                int i = (ch * h + oy * size + ky) * w + ox * size + kx;
                                if (first < 0 || x.get(s, i) > x.get(s, first)) {
                                    first = i;
                                }
                            }
                        }
                        int o = (ch * ohs + oy) * ows + ox;
                        assertEquals(x.get(s, first), z.get(s, o), 0);
                        expected[s * x.numCols + first] += delta.get(s, o);
                    }
                }
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], g.data[i], 0, "gradient of input " + i);
        }
    }

    @Test
    void reluPassesTheGradientOnlyWherePositive() {
        DMatrixRMaj z = new DMatrixRMaj(new double[][] {{-2, -0.0, 0.0, 1e-300, 3, Double.MIN_VALUE, -Double.MIN_VALUE}});
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Activation.RELU.forward(z, a);
        assertEquals(0, a.get(0, 0), 0);
        assertEquals(0, a.get(0, 1), 0);
        assertEquals(1e-300, a.get(0, 3), 0);
        assertEquals(3, a.get(0, 4), 0);
        DMatrixRMaj g = new DMatrixRMaj(new double[][] {{5, 6, 7, 8, -9, 10, 11}});
        DMatrixRMaj d = new DMatrixRMaj(1, 1);
        Activation.RELU.backward(z, a, g, d);
        assertTrue(java.util.Arrays.equals(new double[] {0, 0, 0, 8, -9, 10, 0}, d.data), java.util.Arrays.toString(d.data));
    }

    @Test
    void sigmoidOverALargeBatchIsApplyBitForBit() {
        SplittableRandom r = new SplittableRandom(7);
        DMatrixRMaj z = new DMatrixRMaj(64, 5000);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = r.nextGaussian() * 5;
        }
        double[] special = {0.0, -0.0, 800, -800, 36.7, -36.7, 1e-300, -1e-300, Double.NaN};
        System.arraycopy(special, 0, z.data, 1234, special.length);
        DMatrixRMaj a = new DMatrixRMaj(1, 1);
        Activation.SIGMOID.forward(z, a);
        for (int i = 0; i < z.data.length; i++) {
            double expected = Activation.SIGMOID.apply(z.data[i]);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(a.data[i]), "sigmoid(" + z.data[i] + ")");
        }
        // by hand: 1 / (1 + e^-2) and e^-2 / (1 + e^-2)
        DMatrixRMaj two = new DMatrixRMaj(new double[][] {{2, -2}});
        Activation.SIGMOID.forward(two, a);
        assertEquals(0.8807970779778823, a.get(0, 0), 1e-16);
        assertEquals(0.11920292202211755, a.get(0, 1), 1e-16);
    }
}
