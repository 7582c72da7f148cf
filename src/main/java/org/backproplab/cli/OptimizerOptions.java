package org.backproplab.cli;

import org.backproplab.engine.OptimizerSpec;
import org.backproplab.lesson.Lesson;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --optimizer sgd|momentum|adam} with {@code --lr}, {@code --momentum}, {@code --beta1},
 * {@code --beta2} and {@code --eps}, shared by trace and train; computed as torch.optim.SGD and
 * torch.optim.Adam compute them. A bad value is a usage error (one line, exit code 2).
 */
final class OptimizerOptions {
    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "sgd, momentum or adam, as torch.optim.SGD (momentum: v = mu v + g, the first step v = g; "
                    + "w = w - lr v) and torch.optim.Adam compute them. Default: the preset's.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate. Default: the preset's.")
    Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "momentum only: the momentum mu, from 0 up to (not including) 1 (default 0.9).")
    Double momentum;

    @Option(names = "--beta1", paramLabel = "B1", description = "adam only: beta1, in [0, 1) (default 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B2", description = "adam only: beta2, in [0, 1) (default 0.999).")
    Double beta2;

    @Option(names = "--eps", paramLabel = "E", description = "adam only: epsilon, 0 or more (default 1e-8).")
    Double eps;

    /** Whether any of these options was given. */
    boolean any() {
        return optimizer != null || learningRate != null || momentum != null || beta1 != null || beta2 != null
                || eps != null;
    }

    /** The lesson with the optimizer these options ask for (the preset's own when none is given). */
    Lesson apply(CommandLine.Model.CommandSpec spec, Lesson lesson) {
        OptimizerSpec own = lesson.optimizer();
        String kind = optimizer != null ? optimizer : idOf(own);
        if (!kind.equals("sgd") && !kind.equals("momentum") && !kind.equals("adam")) {
            throw usage(spec, "--optimizer must be sgd, momentum or adam, not " + kind);
        }
        if (momentum != null && !kind.equals("momentum")) {
            throw usage(spec, "--momentum applies only to --optimizer momentum (the optimizer is " + kind + ")");
        }
        if ((beta1 != null || beta2 != null || eps != null) && !kind.equals("adam")) {
            throw usage(spec, "--beta1, --beta2 and --eps apply only to --optimizer adam (the optimizer is " + kind + ")");
        }
        double lr = learningRate != null ? learningRate : own.learningRate();
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw usage(spec, "--lr must be a number greater than 0, got " + lr);
        }
        OptimizerSpec chosen;
        switch (kind) {
            case "momentum" -> {
                double mu = momentum != null ? momentum
                        : own instanceof OptimizerSpec.Momentum m ? m.momentum() : 0.9;
                if (!(mu >= 0 && mu < 1)) {
                    throw usage(spec, "--momentum must be at least 0 and less than 1, got " + mu);
                }
                chosen = new OptimizerSpec.Momentum(lr, mu);
            }
            case "adam" -> {
                OptimizerSpec.Adam base = own instanceof OptimizerSpec.Adam a ? a : new OptimizerSpec.Adam(lr);
                double b1 = beta1 != null ? beta1 : base.beta1();
                double b2 = beta2 != null ? beta2 : base.beta2();
                double e = eps != null ? eps : base.epsilon();
                if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) {
                    throw usage(spec, "--beta1 and --beta2 must be at least 0 and less than 1, got " + b1 + " and " + b2);
                }
                if (!(e >= 0) || Double.isInfinite(e)) {
                    throw usage(spec, "--eps must be a finite number of 0 or more, got " + e);
                }
                chosen = new OptimizerSpec.Adam(lr, b1, b2, e);
            }
            default -> chosen = new OptimizerSpec.Sgd(lr);
        }
        return lesson.withOptimizer(chosen);
    }

    private static String idOf(OptimizerSpec s) {
        return s instanceof OptimizerSpec.Momentum ? "momentum" : s instanceof OptimizerSpec.Adam ? "adam" : "sgd";
    }

    private static CommandLine.ParameterException usage(CommandLine.Model.CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
