package org.backproplab.engine;

/** An optimizer as data. */
public sealed interface OptimizerSpec {
    double learningRate();

    Optimizer create();

    OptimizerSpec withLearningRate(double learningRate);

    record Sgd(double learningRate) implements OptimizerSpec {
        @Override
        public Optimizer create() {
            return new Optimizer.Sgd(learningRate);
        }

        @Override
        public OptimizerSpec withLearningRate(double lr) {
            return new Sgd(lr);
        }
    }

    record Momentum(double learningRate, double momentum) implements OptimizerSpec {
        @Override
        public Optimizer create() {
            return new Optimizer.Momentum(learningRate, momentum);
        }

        @Override
        public OptimizerSpec withLearningRate(double lr) {
            return new Momentum(lr, momentum);
        }
    }

    record Adam(double learningRate, double beta1, double beta2, double epsilon) implements OptimizerSpec {
        public Adam(double learningRate) {
            this(learningRate, 0.9, 0.999, 1e-8);
        }

        @Override
        public Optimizer create() {
            return new Optimizer.Adam(learningRate, beta1, beta2, epsilon);
        }

        @Override
        public OptimizerSpec withLearningRate(double lr) {
            return new Adam(lr, beta1, beta2, epsilon);
        }
    }
}
