package org.backproplab.engine;

/**
 * The first iteration of the {@code conv-worked} lesson worked out by hand: the preset's numbers
 * written again here, and every sum written out as loops over them, in the textbook's formulas
 * (no engine class, no matrix library). The tests compare the engine's records and the
 * {@code trace --json} output with these numbers.
 *
 * <p>Layout as PyTorch: maps [channel][row][column], kernels [filter][row][column] (one input
 * channel), the pooled maps flattened in [channel][row][column] order into the dense layer.
 */
public final class ConvWorkedByHand {
    // ---- the preset, as written in lesson/ConvWorked -------------------------------------
    public static final double[][] X = {
        {0.0, 0.1, 0.8, 0.9, 0.2, 0.0},
        {0.0, 0.0, 0.3, 0.9, 0.4, 0.0},
        {0.0, 0.0, 0.1, 0.8, 0.6, 0.0},
        {0.0, 0.0, 0.0, 0.6, 0.8, 0.1},
        {0.0, 0.0, 0.0, 0.3, 0.9, 0.2},
        {0.0, 0.0, 0.0, 0.1, 0.7, 0.3},
    };
    public static final double[][][] K = {
        {{0.2, 0.5, -0.3}, {0.1, 0.6, -0.4}, {-0.2, 0.4, 0.1}},
        {{-0.3, 0.1, 0.4}, {0.2, -0.1, 0.3}, {0.5, 0.2, -0.6}},
    };
    public static final double[] B1 = {0.05, -0.08};
    public static final double[][] W3 = {
        {0.3, -0.2, 0.4, 0.1, -0.5, 0.2, 0.3, -0.1},
        {-0.4, 0.3, -0.1, 0.2, 0.4, -0.3, 0.1, 0.5},
    };
    public static final double[] B3 = {0.1, -0.1};
    public static final double[] T = {1, 0};
    public static final double ETA = 0.1;

    // ---- forward -------------------------------------------------------------------------
    /** z1[f][y][x] = b_f + sum over i, j of K[f][i][j] X[y+i][x+j] (3 x 3 window, stride 1, no padding). */
    public final double[][][] z1 = new double[2][4][4];
    /** a1 = ReLU(z1). */
    public final double[][][] a1 = new double[2][4][4];
    /** p[f][py][px] = the largest of a1's 2 x 2 window; winner = its row-major index y 4 + x in a1[f]. */
    public final double[][][] p = new double[2][2][2];
    public final int[][][] winner = new int[2][2][2];
    /** z3[k] = b3_k + sum over n of W3[k][n] p_n, n = f 4 + py 2 + px. */
    public final double[] z3 = new double[2];
    /** o = softmax(z3). */
    public final double[] o = new double[2];
    /** E = -sum t_k ln o_k (one sample). */
    public final double loss;

    // ---- backward ------------------------------------------------------------------------
    /** delta3 = dE/dz3 = o - t (softmax with cross-entropy). */
    public final double[] delta3 = new double[2];
    /** dE/dW3[k][n] = delta3_k p_n; dE/db3 = delta3. */
    public final double[][] dW3 = new double[2][8];
    public final double[] db3 = new double[2];
    /** dE/dp_n = sum over k of W3[k][n] delta3_k (the pooling layer's delta: its activation is the identity). */
    public final double[][][] dp = new double[2][2][2];
    /** dE/da1: dp at each window's winner, 0 elsewhere. */
    public final double[][][] da1 = new double[2][4][4];
    /** delta1 = dE/da1 ReLU'(z1), ReLU'(z) = 1 if z > 0 else 0. */
    public final double[][][] delta1 = new double[2][4][4];
    /** dE/dK[f][i][j] = sum over (y, x) of delta1[f][y][x] X[y+i][x+j]; dE/db1_f = sum of delta1[f]. */
    public final double[][][] dK = new double[2][3][3];
    public final double[] db1 = new double[2];
    /** dE/dX[r][c] = sum over f, i, j with 0 <= r-i, c-j < 4 of delta1[f][r-i][c-j] K[f][i][j]. */
    public final double[][] dX = new double[6][6];

    // ---- update (SGD) --------------------------------------------------------------------
    public final double[][][] kAfter = new double[2][3][3];
    public final double[] b1After = new double[2];
    public final double[][] w3After = new double[2][8];
    public final double[] b3After = new double[2];

    public ConvWorkedByHand() {
        this(X, K, B1, W3, B3);
    }

    /** The same calculation with other numbers (for finite differences). */
    public ConvWorkedByHand(double[][] x, double[][][] k, double[] b1, double[][] w3, double[] b3) {
        for (int f = 0; f < 2; f++) {
            for (int y = 0; y < 4; y++) {
                for (int c = 0; c < 4; c++) {
                    double sum = 0;
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            sum += k[f][i][j] * x[y + i][c + j];
                        }
                    }
                    z1[f][y][c] = sum + b1[f];
                    a1[f][y][c] = Math.max(0, z1[f][y][c]);
                }
            }
        }
        double[] flat = new double[8];
        for (int f = 0; f < 2; f++) {
            for (int py = 0; py < 2; py++) {
                for (int px = 0; px < 2; px++) {
                    int best = -1;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            int y = 2 * py + dy;
                            int c = 2 * px + dx;
                            if (best < 0 || a1[f][y][c] > a1[f][best / 4][best % 4]) {
                                best = y * 4 + c;
                            }
                        }
                    }
                    winner[f][py][px] = best;
                    p[f][py][px] = a1[f][best / 4][best % 4];
                    flat[f * 4 + py * 2 + px] = p[f][py][px];
                }
            }
        }
        for (int kk = 0; kk < 2; kk++) {
            double sum = b3[kk];
            for (int n = 0; n < 8; n++) {
                sum += w3[kk][n] * flat[n];
            }
            z3[kk] = sum;
        }
        double e0 = Math.exp(z3[0]);
        double e1 = Math.exp(z3[1]);
        o[0] = e0 / (e0 + e1);
        o[1] = e1 / (e0 + e1);
        loss = -(T[0] * Math.log(o[0]) + T[1] * Math.log(o[1]));

        for (int kk = 0; kk < 2; kk++) {
            delta3[kk] = o[kk] - T[kk];
            db3[kk] = delta3[kk];
            for (int n = 0; n < 8; n++) {
                dW3[kk][n] = delta3[kk] * flat[n];
            }
        }
        for (int f = 0; f < 2; f++) {
            for (int py = 0; py < 2; py++) {
                for (int px = 0; px < 2; px++) {
                    int n = f * 4 + py * 2 + px;
                    dp[f][py][px] = w3[0][n] * delta3[0] + w3[1][n] * delta3[1];
                    int w = winner[f][py][px];
                    da1[f][w / 4][w % 4] = dp[f][py][px];
                }
            }
            for (int y = 0; y < 4; y++) {
                for (int c = 0; c < 4; c++) {
                    delta1[f][y][c] = z1[f][y][c] > 0 ? da1[f][y][c] : 0;
                    db1[f] += delta1[f][y][c];
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double sum = 0;
                    for (int y = 0; y < 4; y++) {
                        for (int c = 0; c < 4; c++) {
                            sum += delta1[f][y][c] * x[y + i][c + j];
                        }
                    }
                    dK[f][i][j] = sum;
                }
            }
        }
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                double sum = 0;
                for (int f = 0; f < 2; f++) {
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            int y = r - i;
                            int xx = c - j;
                            if (y >= 0 && y < 4 && xx >= 0 && xx < 4) {
                                sum += delta1[f][y][xx] * k[f][i][j];
                            }
                        }
                    }
                }
                dX[r][c] = sum;
            }
        }
        for (int f = 0; f < 2; f++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    kAfter[f][i][j] = k[f][i][j] - ETA * dK[f][i][j];
                }
            }
            b1After[f] = b1[f] - ETA * db1[f];
        }
        for (int kk = 0; kk < 2; kk++) {
            for (int n = 0; n < 8; n++) {
                w3After[kk][n] = w3[kk][n] - ETA * dW3[kk][n];
            }
            b3After[kk] = b3[kk] - ETA * db3[kk];
        }
    }

    /** E for other numbers: the forward pass above, for finite differences. */
    public static double lossOf(double[][] x, double[][][] k, double[] b1, double[][] w3, double[] b3) {
        return new ConvWorkedByHand(x, k, b1, w3, b3).loss;
    }

    /** Deep copies, so that a test can change one number. */
    public static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    public static double[][][] copy(double[][][] m) {
        double[][][] out = new double[m.length][][];
        for (int i = 0; i < m.length; i++) {
            out[i] = copy(m[i]);
        }
        return out;
    }
}
