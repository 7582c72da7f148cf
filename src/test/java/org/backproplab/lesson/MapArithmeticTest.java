package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.junit.jupiter.api.Test;

/** The terms the walk-through and the inspector show, against the hand calculation of {@code conv-worked}. */
class MapArithmeticTest {
    private static final double TOL = 1e-12;
    private final ConvWorkedByHand hand = new ConvWorkedByHand();
    private final Stepper stepper = new Stepper(Lessons.byId(Lessons.CONV_WORKED).newTrainer(), 10);
    private final StageRecords records = StageRecords.of(stepper.finishIteration());
    private final Network network = stepper.trainer().network();
    private final MapArithmetic.ConvShape shape = MapArithmetic.ConvShape.of((ConvLayer) network.layer(0));

    @Test
    void everyConvCellIsItsNineProductsPlusTheBias() {
        for (int f = 0; f < 2; f++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    MapArithmetic.ConvCell cell = MapArithmetic.cell(shape, records.forward(0), 0, f, y, x);
                    assertEquals(9, cell.products().size());
                    double sum = 0;
                    for (int n = 0; n < 9; n++) {
                        int i = n / 3;
                        int j = n % 3;
                        MapArithmetic.Product p = cell.products().get(n);
                        assertEquals(y + i, p.row());
                        assertEquals(x + j, p.column());
                        assertEquals(ConvWorkedByHand.X[y + i][x + j], p.input(), 0);
                        assertEquals(ConvWorkedByHand.K[f][i][j], p.weight(), 0);
                        assertEquals(ConvWorkedByHand.K[f][i][j] * ConvWorkedByHand.X[y + i][x + j], p.product(), 0);
                        sum += p.product();
                    }
                    assertEquals(sum, cell.sum(), TOL);
                    assertEquals(ConvWorkedByHand.B1[f], cell.bias(), 0);
                    assertEquals(hand.z1[f][y][x], cell.sum() + cell.bias(), TOL);
                    assertEquals(hand.z1[f][y][x], cell.z(), TOL);
                    assertEquals(hand.a1[f][y][x], cell.a(), TOL);
                }
            }
        }
    }

    @Test
    void everyKernelGradientIsTheSumOfItsSixteenTerms() {
        for (int f = 0; f < 2; f++) {
            double biasSum = 0;
            for (double d : MapArithmetic.biasTerms(shape, records.backward(0), f)) {
                biasSum += d;
            }
            assertEquals(hand.db1[f], biasSum, TOL);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    MapArithmetic.WeightGradient g = MapArithmetic.weight(shape, records.forward(0), records.backward(0),
                            f, 0, i, j);
                    assertEquals(16, g.terms().size());
                    for (MapArithmetic.Term t : g.terms()) {
                        assertEquals(hand.delta1[f][t.row()][t.column()], t.delta(), TOL);
                        assertEquals(ConvWorkedByHand.X[t.row() + i][t.column() + j], t.input(), 0);
                    }
                    assertEquals(hand.dK[f][i][j], g.sum(), TOL);
                }
            }
        }
    }

    @Test
    void everyInputGradientIsTheFullConvolutionWithTheFlippedKernel() {
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 6; c++) {
                MapArithmetic.InputGradient g = MapArithmetic.input(shape, records.forward(0), records.backward(0), 0, 0,
                        r, c);
                for (MapArithmetic.InputTerm t : g.terms()) {
                    assertEquals(r, t.row() + t.i());
                    assertEquals(c, t.column() + t.j());
                    assertEquals(ConvWorkedByHand.K[t.filter()][t.i()][t.j()], t.weight(), 0);
                }
                assertEquals(hand.dX[r][c], g.sum(), TOL);
            }
        }
        // a corner pixel is read by one tap of each filter only
        assertEquals(2, MapArithmetic.input(shape, records.forward(0), records.backward(0), 0, 0, 0, 0).terms().size());
    }

    @Test
    void everyPoolingWindowShowsItsValuesAndItsWinner() {
        MaxPoolLayer pool = (MaxPoolLayer) network.layer(1);
        for (int c = 0; c < 2; c++) {
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    MapArithmetic.PoolWindow w = MapArithmetic.window(MapArithmetic.PoolShape.of(pool), records.forward(1), 0, c, y, x);
                    for (int n = 0; n < 4; n++) {
                        assertEquals(hand.a1[c][2 * y + n / 2][2 * x + n % 2], w.values()[n], TOL);
                    }
                    int won = hand.winner[c][y][x];
                    assertEquals((won / 4 - 2 * y) * 2 + won % 4 - 2 * x, w.winner());
                    assertEquals(hand.p[c][y][x], w.output(), TOL);
                }
            }
        }
    }
}
