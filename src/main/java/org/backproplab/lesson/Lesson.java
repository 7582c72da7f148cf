package org.backproplab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BiasMode;
import org.backproplab.engine.LayerSpec;
import org.backproplab.engine.Network;
import org.backproplab.engine.NetworkSpec;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.Regularization;
import org.backproplab.engine.Samples;
import org.backproplab.engine.Trainer;

/**
 * A preset: data, network, hyperparameters and the keys of its title and text in the resource
 * bundles. The app and the CLI both build their trainers from these, so they compute the same
 * numbers.
 *
 * @param batchSize samples per update, 0 for the whole training set
 * @param epochs    how long the lesson trains by default
 * @param seed      default seed for random initial weights and the shuffling of batches
 * @param test      held-out samples, or null when the lesson has none
 */
public record Lesson(String id, NetworkSpec network, OptimizerSpec optimizer, Regularization regularization,
        int batchSize, int epochs, long seed, Samples train, Samples test, boolean classification) {

    /** Bundle key of a lesson's title: "lesson.ID.title". */
    public static String titleKey(String id) {
        return "lesson." + id + ".title";
    }

    /** Bundle key of a lesson's short text: "lesson.ID.text". */
    public static String textKey(String id) {
        return "lesson." + id + ".text";
    }

    public boolean hasTest() {
        return test != null;
    }

    /** A fresh network with the initial weights of {@code seed}. */
    public Network buildNetwork(long withSeed) {
        return network.build(withSeed);
    }

    /** A fresh trainer from the lesson's default seed. */
    public Trainer newTrainer() {
        return newTrainer(seed);
    }

    /** A fresh trainer: the same seed always gives the same starting weights and batch order. */
    public Trainer newTrainer(long withSeed) {
        Trainer trainer = new Trainer(network.build(withSeed), optimizer.create(), regularization, train,
                batchSize, withSeed);
        trainer.setClassification(classification);
        return trainer;
    }

    /** The same lesson with every layer's bias in {@code mode}. */
    public Lesson withBiasMode(BiasMode mode) {
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec l : network.layers()) {
            layers.add(l.withBiasMode(mode));
        }
        return new Lesson(id, network.withLayers(layers), optimizer, regularization, batchSize, epochs, seed,
                train, test, classification);
    }

    public Lesson withLearningRate(double learningRate) {
        return new Lesson(id, network, optimizer.withLearningRate(learningRate), regularization, batchSize, epochs,
                seed, train, test, classification);
    }

    public Lesson withOptimizer(OptimizerSpec newOptimizer) {
        return new Lesson(id, network, newOptimizer, regularization, batchSize, epochs, seed, train, test,
                classification);
    }

    public Lesson withBatchSize(int newBatchSize) {
        return new Lesson(id, network, optimizer, regularization, newBatchSize, epochs, seed, train, test,
                classification);
    }
}
