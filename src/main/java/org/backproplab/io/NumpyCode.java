package org.backproplab.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link CodeSetup} as the NumPy program the from-scratch tutorial writes: a
 * {@code NeuralNetwork} class with {@code feedforward} and {@code backprop}, every derivative
 * written out, then the optimizer's update by its formula. It prints what the PyTorch program
 * prints, under the same state_dict names.
 */
public final class NumpyCode {
    private static final String HEADER = """
            import json
            import sys

            import numpy as np

            LEAKY_SLOPE = 0.01


            def activate(name, z):
                if name == "sigmoid":
                    return 1.0 / (1.0 + np.exp(-z))
                if name == "tanh":
                    return np.tanh(z)
                if name == "relu":
                    return np.maximum(z, 0.0)
                if name == "leaky-relu":
                    return np.where(z > 0, z, LEAKY_SLOPE * z)
                if name == "softmax":
                    e = np.exp(z - z.max(axis=1, keepdims=True))
                    return e / e.sum(axis=1, keepdims=True)
                return z  # identity


            def backward(name, z, a, da):
                \"\"\"dE/dz from dE/da: the activation's derivative, written in terms of z or a.\"\"\"
                if name == "sigmoid":
                    return da * a * (1.0 - a)
                if name == "tanh":
                    return da * (1.0 - a * a)
                if name == "relu":
                    return da * (z > 0)
                if name == "leaky-relu":
                    return da * np.where(z > 0, 1.0, LEAKY_SLOPE)
                if name == "softmax":  # the Jacobian of softmax times da, row by row
                    return a * (da - (da * a).sum(axis=1, keepdims=True))
                return da


            class NeuralNetwork:
                def __init__(self, x, y, weights, biases, activations, loss):
                    self.input = x
                    self.y = y
                    self.weights = weights          # each [n_out, n_in], as PyTorch's nn.Linear
                    self.biases = biases            # each [n_out], or None
                    self.activations = activations
                    self.loss_name = loss

                def feedforward(self):
                    self.z = []
                    self.a = [self.input]
                    for W, b, f in zip(self.weights, self.biases, self.activations):
                        z = self.a[-1] @ W.T       # one row per sample: Z = X W^T + b
                        if b is not None:
                            z = z + b
                        self.z.append(z)
                        self.a.append(activate(f, z))
                    self.output = self.a[-1]

                def loss(self):
                    o, t, z = self.output, self.y, self.z[-1]
                    m, k = o.shape
                    name, last = self.loss_name, self.activations[-1]
                    if name == "half-squared-error":
                        return 0.5 * ((t - o) ** 2).sum()
                    if name == "sum-squared-error":
                        return ((t - o) ** 2).sum()
                    if name == "mean-squared-error":
                        return ((t - o) ** 2).sum() / (m * k)
                    if name == "half-mean-squared-error":  # TensorFlow Playground's
                        return 0.5 * ((t - o) ** 2).sum() / (m * k)
                    if name == "binary-cross-entropy" and last == "sigmoid":  # from z: never ln 0
                        return (np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))).sum() / (m * k)
                    if name == "binary-cross-entropy":
                        oc = np.clip(o, 1e-15, 1 - 1e-15)
                        return -(t * np.log(oc) + (1 - t) * np.log(1 - oc)).sum() / (m * k)
                    # softmax cross-entropy: -1/m sum t (z - logsumexp(z))
                    zmax = z.max(axis=1, keepdims=True)
                    lse = zmax + np.log(np.exp(z - zmax).sum(axis=1, keepdims=True))
                    return -(t * (z - lse)).sum() / m

                def output_delta(self):
                    \"\"\"delta = dE/dz of the output layer.\"\"\"
                    o, t, z = self.output, self.y, self.z[-1]
                    m, k = o.shape
                    name, last = self.loss_name, self.activations[-1]
                    if name == "softmax-cross-entropy":
                        return (o - t) / m                     # softmax and cross-entropy together
                    if name == "binary-cross-entropy" and last == "sigmoid":
                        return (o - t) / (m * k)               # sigmoid and cross-entropy together
                    if name == "half-squared-error":
                        do = o - t
                    elif name == "sum-squared-error":
                        do = 2.0 * (o - t)
                    elif name == "mean-squared-error":
                        do = 2.0 * (o - t) / (m * k)
                    elif name == "half-mean-squared-error":
                        do = (o - t) / (m * k)
                    else:
                        oc = np.clip(o, 1e-15, 1 - 1e-15)
                        do = (oc - t) / (oc * (1 - oc)) / (m * k)
                    return backward(last, z, o, do)

                def backprop(self):
                    delta = self.output_delta()
                    n = len(self.weights)
                    self.grad_w = [None] * n
                    self.grad_b = [None] * n
                    for l in reversed(range(n)):
                        self.grad_w[l] = delta.T @ self.a[l]   # dE/dW = delta^T A_(l-1)
                        self.grad_b[l] = delta.sum(axis=0)     # dE/db = the sum of delta over the batch
                        if l > 0:
                            da = delta @ self.weights[l]       # dE/dA of the layer before
                            delta = backward(self.activations[l - 1], self.z[l - 1], self.a[l], da)

            """;

    private NumpyCode() {
    }

    public static String write(CodeSetup s) {
        StringBuilder b = new StringBuilder();
        b.append("#!/usr/bin/env python3\n");
        b.append("\"\"\"").append(s.preset()).append(": one training step in NumPy, as the from-scratch tutorial ")
                .append("writes it,\nwritten by Backprop Lab.\n\n");
        b.append("The network, its weights and biases, the loss, the optimizer (and its memory) and the batch\n");
        b.append("are Backprop Lab's at the start of iteration ").append(s.iteration() + 1).append(".\n");
        b.append("Run:  python3 THIS_FILE          prints the loss, the gradients and the new parameters\n");
        b.append("      python3 THIS_FILE --json   prints them as one JSON line\n\"\"\"\n");
        b.append(HEADER).append('\n');
        List<String> weights = new ArrayList<>();
        List<String> biases = new ArrayList<>();
        List<String> activations = new ArrayList<>();
        List<String> trained = new ArrayList<>();
        for (CodeSetup.Dense d : s.layers()) {
            String w = d.name().replace("linear", "W");
            b.append(w).append(" = np.array(").append(CodeSetup.matrix(d.weight(), " ".repeat(w.length() + 12)))
                    .append(")  # ").append(d.name()).append(".weight\n");
            weights.add(w);
            if (d.bias() != null) {
                String bn = d.name().replace("linear", "b");
                b.append(bn).append(" = np.array(").append(CodeSetup.vector(d.bias())).append(")  # ").append(d.name())
                        .append(".bias").append(d.biasTrained() ? "" : ", frozen: kept at its value").append('\n');
                biases.add(bn);
            } else {
                biases.add("None");
            }
            activations.add("\"" + d.activation() + "\"");
            trained.add(d.bias() != null && d.biasTrained() ? "True" : "False");
        }
        b.append("\n# the batch of this step, one row per sample\n");
        b.append("x = np.array(").append(CodeSetup.matrix(s.inputs(), "             ")).append(")\n");
        b.append("y = np.array(").append(CodeSetup.matrix(s.targets(), "             ")).append(")\n\n");
        b.append("nn = NeuralNetwork(x, y, [").append(String.join(", ", weights)).append("], [")
                .append(String.join(", ", biases)).append("],\n                   [")
                .append(String.join(", ", activations)).append("], \"").append(s.loss()).append("\")\n");
        b.append("nn.feedforward()\nloss = nn.loss()\nnn.backprop()\n\n");
        b.append("names = [").append(String.join(", ", s.layers().stream().map(d -> "\"" + d.name() + "\"").toList()))
                .append("]\nbias_trained = [").append(String.join(", ", trained)).append("]\n");
        b.append("grads = {}\nfor l, name in enumerate(names):\n    grads[name + \".weight\"] = nn.grad_w[l]\n");
        b.append("    if bias_trained[l]:\n        grads[name + \".bias\"] = nn.grad_b[l]\n");
        b.append("params = {}\nfor l, name in enumerate(names):\n    params[name + \".weight\"] = nn.weights[l]\n");
        b.append("    if nn.biases[l] is not None:\n        params[name + \".bias\"] = nn.biases[l]\n\n");
        update(b, s.optimizer());
        b.append("\nif \"--json\" in sys.argv:\n");
        b.append("    print(json.dumps({\"loss\": float(loss),\n");
        b.append("                      \"grads\": {k: v.tolist() for k, v in grads.items()},\n");
        b.append("                      \"params\": {k: v.tolist() for k, v in params.items()}}))\n");
        b.append("else:\n    np.set_printoptions(precision=12)\n    print(\"loss:\", loss)\n");
        b.append("    for name, g in grads.items():\n        print(\"dE/d\" + name + \":\", g)\n");
        b.append("    print(\"after the step:\")\n    for name, v in params.items():\n        print(name, v)\n");
        return b.toString();
    }

    /** The optimizer's update by its formula, in place on each trained parameter. */
    private static void update(StringBuilder b, CodeSetup.Opt o) {
        String lr = CodeSetup.number(o.learningRate());
        b.append("# the update (").append(o.id()).append("), after ").append(o.steps()).append(" earlier steps\n");
        b.append("state = {}\n");
        for (Map.Entry<String, Map<String, double[][]>> e : o.state().entrySet()) {
            List<String> buffers = new ArrayList<>();
            for (Map.Entry<String, double[][]> buf : e.getValue().entrySet()) {
                if (!buf.getKey().equals("step")) {
                    String shape = e.getKey().endsWith(".bias") ? ".reshape(-1)" : "";
                    buffers.add("\"" + buf.getKey() + "\": np.array(" + CodeSetup.matrix(buf.getValue(), "") + ")" + shape);
                }
            }
            b.append("state[\"").append(e.getKey()).append("\"] = {").append(String.join(", ", buffers)).append("}\n");
        }
        b.append("for name, g in grads.items():\n    p = params[name]\n");
        switch (o.id()) {
            case "momentum" -> {
                b.append("    v = state[name][\"velocity\"] if name in state else None\n");
                b.append("    v = g.copy() if v is None else ").append(CodeSetup.number(o.momentum()))
                        .append(" * v + g   # v = mu v + g (the first step: v = g), as torch.optim.SGD\n");
                b.append("    p -= ").append(lr).append(" * v\n");
            }
            case "adam" -> {
                String b1 = CodeSetup.number(o.beta1());
                String b2 = CodeSetup.number(o.beta2());
                b.append("    t = ").append(o.steps() + 1).append('\n');
                b.append("    m = state[name][\"m\"] if name in state else np.zeros_like(g)\n");
                b.append("    v = state[name][\"v\"] if name in state else np.zeros_like(g)\n");
                b.append("    m = ").append(b1).append(" * m + (1 - ").append(b1).append(") * g\n");
                b.append("    v = ").append(b2).append(" * v + (1 - ").append(b2).append(") * g * g\n");
                b.append("    m_hat = m / (1 - ").append(b1).append(" ** t)\n");
                b.append("    v_hat = v / (1 - ").append(b2).append(" ** t)\n");
                b.append("    p -= ").append(lr).append(" * m_hat / (np.sqrt(v_hat) + ")
                        .append(CodeSetup.number(o.epsilon())).append(")\n");
            }
            default -> b.append("    p -= ").append(lr).append(" * g   # w+ = w - eta dE/dw\n");
        }
    }
}
