package org.backproplab.io;

import java.util.Map;

/**
 * A {@link CodeSetup} as the PyTorch program the tutorials write: an {@code nn.Module} of
 * {@code nn.Linear} layers holding the app's weights, the same loss and {@code torch.optim}
 * optimizer (with its memory), one {@code loss.backward()} and {@code optimizer.step()}, then the
 * gradients and the {@code state_dict}; with {@code --json}, one JSON line of {@code loss} (before
 * the step), {@code grads} and {@code params} (after it), keyed by the state_dict names.
 */
public final class PyTorchCode {
    private PyTorchCode() {
    }

    public static String write(CodeSetup s) {
        StringBuilder b = new StringBuilder();
        CodeSetup.Dense last = s.layers().get(s.layers().size() - 1);
        boolean logits = fusedLogits(s.loss(), last.activation());
        b.append("#!/usr/bin/env python3\n");
        b.append("\"\"\"").append(s.preset()).append(": one training step in PyTorch, written by Backprop Lab.\n\n");
        b.append("The network, its weights and biases, the loss, the optimizer (and its memory) and the batch\n");
        b.append("are Backprop Lab's at the start of iteration ").append(s.iteration() + 1).append(".\n");
        b.append("Run:  python3 THIS_FILE          prints the loss, the gradients and the new state_dict\n");
        b.append("      python3 THIS_FILE --json   prints them as one JSON line\n\"\"\"\n");
        b.append("import json\nimport sys\n\nimport torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n");
        b.append("torch.set_default_dtype(torch.float64)  # Backprop Lab computes in double precision\n\n\n");
        b.append("class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n");
        for (CodeSetup.Dense d : s.layers()) {
            b.append("        self.").append(d.name()).append(" = nn.Linear(").append(d.in()).append(", ").append(d.out())
                    .append(d.bias() == null ? ", bias=False" : "").append(")\n");
        }
        b.append("\n    def forward(self, x):\n");
        for (CodeSetup.Dense d : s.layers()) {
            String call = "self." + d.name() + "(x)";
            if (d == last && logits) {
                b.append("        x = ").append(call).append("  # logits: the loss applies the ")
                        .append(last.activation()).append(" itself\n");
            } else {
                b.append("        x = ").append(activation(d.activation(), call)).append('\n');
            }
        }
        b.append("        return x\n\n\n");
        b.append("model = Net()\nwith torch.no_grad():\n");
        for (CodeSetup.Dense d : s.layers()) {
            String indent = " ".repeat(("    model." + d.name() + ".weight.copy_(torch.tensor(").length());
            b.append("    model.").append(d.name()).append(".weight.copy_(torch.tensor(")
                    .append(CodeSetup.matrix(d.weight(), indent)).append("))\n");
            if (d.bias() != null) {
                b.append("    model.").append(d.name()).append(".bias.copy_(torch.tensor(")
                        .append(CodeSetup.vector(d.bias())).append("))\n");
            }
        }
        for (CodeSetup.Dense d : s.layers()) {
            if (d.bias() != null && !d.biasTrained()) {
                b.append("model.").append(d.name()).append(".bias.requires_grad_(False)")
                        .append("  # frozen: kept at its value, as the classic walk-through does\n");
            }
        }
        b.append("\n# the batch of this step, one row per sample\n");
        b.append("x = torch.tensor(").append(CodeSetup.matrix(s.inputs(), "                 ")).append(")\n");
        b.append("t = torch.tensor(").append(CodeSetup.matrix(s.targets(), "                 ")).append(")\n\n\n");
        b.append("def loss_fn(output, target):\n    ").append(loss(s.loss(), logits)).append("\n\n\n");
        b.append("trained = [p for p in model.parameters() if p.requires_grad]\n");
        CodeSetup.Opt o = s.optimizer();
        String lr = CodeSetup.number(o.learningRate());
        switch (o.id()) {
            case "momentum" -> b.append("optimizer = torch.optim.SGD(trained, lr=").append(lr).append(", momentum=")
                    .append(CodeSetup.number(o.momentum())).append(")\n");
            case "adam" -> b.append("optimizer = torch.optim.Adam(trained, lr=").append(lr).append(", betas=(")
                    .append(CodeSetup.number(o.beta1())).append(", ").append(CodeSetup.number(o.beta2()))
                    .append("), eps=").append(CodeSetup.number(o.epsilon())).append(")\n");
            default -> b.append("optimizer = torch.optim.SGD(trained, lr=").append(lr).append(")\n");
        }
        state(b, s);
        b.append("\noutput = model(x)\nloss = loss_fn(output, t)\noptimizer.zero_grad()\nloss.backward()\n");
        b.append("grads = {name: p.grad.clone() for name, p in model.named_parameters() if p.grad is not None}\n");
        b.append("optimizer.step()\n\n");
        b.append("if \"--json\" in sys.argv:\n");
        b.append("    print(json.dumps({\"loss\": loss.item(),\n");
        b.append("                      \"grads\": {k: v.tolist() for k, v in grads.items()},\n");
        b.append("                      \"params\": {k: v.tolist() for k, v in model.state_dict().items()}}))\n");
        b.append("else:\n    torch.set_printoptions(precision=12)\n    print(\"loss:\", loss.item())\n");
        b.append("    for name, g in grads.items():\n        print(name + \".grad:\", g)\n");
        b.append("    print(\"state_dict after the step:\")\n");
        b.append("    for name, v in model.state_dict().items():\n        print(name, v)\n");
        return b.toString();
    }

    /** The optimizer's memory put back (torch.optim keeps it per parameter, with its step count). */
    private static void state(StringBuilder b, CodeSetup s) {
        CodeSetup.Opt o = s.optimizer();
        if (o.state().isEmpty()) {
            return;
        }
        b.append("# the optimizer's memory after ").append(o.steps()).append(" steps\n");
        b.append("named = dict(model.named_parameters())\n");
        for (Map.Entry<String, Map<String, double[][]>> e : o.state().entrySet()) {
            String p = "named[\"" + e.getKey() + "\"]";
            Map<String, double[][]> buffers = e.getValue();
            boolean vector = e.getKey().endsWith(".bias");
            if (o.id().equals("momentum")) {
                b.append("optimizer.state[").append(p).append("] = {\"momentum_buffer\": ")
                        .append(tensor(buffers.get("velocity"), vector)).append("}\n");
            } else if (o.id().equals("adam")) {
                b.append("optimizer.state[").append(p).append("] = {\"step\": torch.tensor(")
                        .append(o.steps()).append(".0), \"exp_avg\": ").append(tensor(buffers.get("m"), vector))
                        .append(", \"exp_avg_sq\": ").append(tensor(buffers.get("v"), vector)).append("}\n");
            }
        }
    }

    /** A buffer as a tensor of its parameter's shape (a bias is kept as a column in the app). */
    private static String tensor(double[][] m, boolean vector) {
        if (vector) {
            double[] v = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                v[i] = m[i][0];
            }
            return "torch.tensor(" + CodeSetup.vector(v) + ")";
        }
        return "torch.tensor(" + CodeSetup.matrix(m, "") + ")";
    }

    /** Whether the last layer hands its pre-activation to the loss (PyTorch's fused losses take logits). */
    static boolean fusedLogits(String loss, String activation) {
        return loss.equals("binary-cross-entropy") && activation.equals("sigmoid")
                || loss.equals("softmax-cross-entropy") && activation.equals("softmax");
    }

    private static String activation(String id, String x) {
        return switch (id) {
            case "identity" -> x;
            case "sigmoid" -> "torch.sigmoid(" + x + ")";
            case "tanh" -> "torch.tanh(" + x + ")";
            case "relu" -> "torch.relu(" + x + ")";
            case "leaky-relu" -> "F.leaky_relu(" + x + ", 0.01)";
            case "softmax" -> "torch.softmax(" + x + ", dim=1)";
            default -> throw new IllegalArgumentException("no PyTorch form for the activation " + id);
        };
    }

    private static String loss(String id, boolean logits) {
        return switch (id) {
            case "half-squared-error" -> "return 0.5 * ((target - output) ** 2).sum()  # E = sum of 1/2 (t - o)^2";
            case "sum-squared-error" -> "return ((target - output) ** 2).sum()  # E = sum of (t - o)^2";
            case "mean-squared-error" -> "return F.mse_loss(output, target)  # the mean over samples and outputs";
            case "half-mean-squared-error" ->
                "return 0.5 * F.mse_loss(output, target)  # TensorFlow Playground's: the mean of 1/2 (t - o)^2";
            case "binary-cross-entropy" -> logits
                    ? "return F.binary_cross_entropy_with_logits(output, target)  # the mean over samples and outputs"
                    : "return F.binary_cross_entropy(output, target)  # the mean over samples and outputs";
            case "softmax-cross-entropy" ->
                "return F.cross_entropy(output, target)  # -1/m sum t ln softmax(z): probabilities as targets";
            default -> throw new IllegalArgumentException("no PyTorch form for the loss " + id);
        };
    }
}
