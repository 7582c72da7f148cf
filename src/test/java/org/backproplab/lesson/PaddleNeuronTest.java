package org.backproplab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.ForwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.LossRecord;
import org.backproplab.engine.Samples;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.engine.UpdateRecord;
import org.junit.jupiter.api.Test;

/** The Paddle tutorial's single neuron: y = w1 x1 + w2 x2 + b, linear output, squared error. */
class PaddleNeuronTest {
    private static final Lesson LESSON = Lessons.byId(PlaygroundLessons.PADDLE_NEURON);

    @Test
    void twoLabelledCloudsWithTargetsMinusOneAndOne() {
        Samples train = LESSON.train();
        int ones = 0;
        for (int i = 0; i < train.inputs().rows(); i++) {
            double t = train.targets().get(i, 0);
            assertTrue(t == 1 || t == -1, "target " + t);
            ones += t == 1 ? 1 : 0;
            // the generator's clouds: class 1 around (2, 2), class -1 around (-2, -2)
            double sum = train.inputs().get(i, 0) + train.inputs().get(i, 1);
            assertEquals(t > 0, sum > 0, "point " + i + " lies in its own cloud");
        }
        assertTrue(ones > 30 && ones < 70, "both clouds in the training half: " + ones);
        assertEquals(10, LESSON.batchSize(), "mini-batches, so the samples are shuffled each epoch");
    }

    @Test
    void theTrainedLineSeparatesTheClouds() {
        Trainer trainer = LESSON.newTrainer();
        for (int e = 0; e < LESSON.epochs(); e++) {
            trainer.trainEpoch();
        }
        ImmutableMatrix w = trainer.network().copyParameters().get("W1");
        double b = trainer.network().copyParameters().get("b1").get(0, 0);
        for (Samples s : List.of(LESSON.train(), LESSON.test())) {
            for (int i = 0; i < s.inputs().rows(); i++) {
                // which side of the line w1 x1 + w2 x2 + b = 0 the point lies on
                double side = w.get(0, 0) * s.inputs().get(i, 0) + w.get(0, 1) * s.inputs().get(i, 1) + b;
                assertEquals(s.targets().get(i, 0) > 0, side > 0, "point " + i + " on its class's side");
            }
        }
    }

    @Test
    void oneSgdStepIsTheFormulaWrittenOut() {
        Stepper stepper = new Stepper(LESSON.newTrainer(), 10);
        StageRecords records = StageRecords.of(stepper.finishIteration());
        ForwardRecord f = records.forward(0);
        LossRecord loss = records.loss();
        UpdateRecord u = records.update();
        double w1 = f.weights().get(0, 0);
        double w2 = f.weights().get(0, 1);
        double b = f.bias().get(0, 0);
        int m = f.input().rows();
        assertEquals(10, m, "one mini-batch");
        double lr = 0.01;
        // E = (1/m) sum_i (y_i - t_i)^2 with y_i = w1 x1_i + w2 x2_i + b
        // dE/dw1 = (2/m) sum_i (y_i - t_i) x1_i, dE/dw2 likewise with x2_i, dE/db = (2/m) sum_i (y_i - t_i)
        double g1 = 0;
        double g2 = 0;
        double gb = 0;
        double e = 0;
        for (int i = 0; i < m; i++) {
            double x1 = f.input().get(i, 0);
            double x2 = f.input().get(i, 1);
            double y = w1 * x1 + w2 * x2 + b;
            double t = loss.targets().get(i, 0);
            e += (y - t) * (y - t) / m;
            g1 += 2 * (y - t) * x1 / m;
            g2 += 2 * (y - t) * x2 / m;
            gb += 2 * (y - t) / m;
        }
        assertEquals(e, loss.total(), 1e-12);
        // w <- w - lr dE/dw
        assertEquals(w1 - lr * g1, u.parameter("W1").after().get(0, 0), 1e-12);
        assertEquals(w2 - lr * g2, u.parameter("W1").after().get(0, 1), 1e-12);
        assertEquals(b - lr * gb, u.parameter("b1").after().get(0, 0), 1e-12);
    }
}
