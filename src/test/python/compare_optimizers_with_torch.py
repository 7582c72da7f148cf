#!/usr/bin/env python3
"""Checks `trace --json --optimizer ...` against torch.optim.SGD (with and without momentum) and
torch.optim.Adam: the same dense network, the same starting weights and batch, N steps in float64.

For every step it compares the loss (measured before the step's update), the optimizer's state
after the step (momentum's velocity against torch's momentum_buffer; Adam's m, v against exp_avg,
exp_avg_sq, m_hat and v_hat against them divided by 1 - beta^t, t against state['step']), the step
taken and the parameters after it, and prints the largest absolute difference of each.

    java -jar target/backprop-lab.jar trace worked-2-2-2 --steps 3 --bias trained --json \\
        --optimizer adam --lr 0.1 > trace.jsonl
    python3 src/test/python/compare_optimizers_with_torch.py trace.jsonl

or, to run the usual cases (needs the jar built: mvn package -DskipTests):

    python3 src/test/python/compare_optimizers_with_torch.py --all target/backprop-lab.jar

Dense presets only (worked-2-2-2, xor, ...), with trained or no biases (a frozen bias is left out
of torch's parameters). Needs torch (Debian: apt-get install python3-torch); the Maven build does
not run it.
"""
import json
import subprocess
import sys

import torch

ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "identity": lambda z: z,
    "linear": lambda z: z,
}


def loss_of(name, z, o, t):
    """The app's losses with their batch reductions (engine/Loss.java)."""
    if name == "half-squared-error":
        return 0.5 * ((t - o) ** 2).sum()
    if name == "sum-squared-error":
        return ((t - o) ** 2).sum()
    if name == "mean-squared-error":
        return ((t - o) ** 2).mean()
    if name == "binary-cross-entropy":
        return torch.nn.functional.binary_cross_entropy_with_logits(z, t)
    if name == "softmax-cross-entropy":
        return torch.nn.functional.cross_entropy(z, t.argmax(dim=1))
    raise SystemExit("loss not covered here: " + name)


def rows(x):
    """A JSON value as a 2-D float64 tensor: one sample unwrapped as one row, a bias as a column."""
    t = torch.tensor(x, dtype=torch.float64)
    return t.reshape(1, -1) if t.dim() == 1 else t


def compare(lines):
    first = lines[0]
    hyper = first["optimizer"]
    x = rows(first["input"])
    target = rows(first["target"])
    params = []
    for layer in first["layers"]:
        if layer["type"] != "dense":
            raise SystemExit("dense layers only, not " + layer["type"])
        w = torch.tensor(layer["W"], dtype=torch.float64, requires_grad=True)
        trained = layer["b"] is not None and "b" in layer.get("optimizer", {}) and any(
            v != 0 for v in layer["optimizer"]["b"]["step"])
        b = torch.tensor(layer["b"] if layer["b"] is not None else [0.0] * len(layer["W"]), dtype=torch.float64,
                         requires_grad=trained)
        params.append((w, b, layer["activation"]))
    trainable = [p for w, b, _ in params for p in (w, b) if p.requires_grad]
    if hyper["name"] == "adam":
        opt = torch.optim.Adam(trainable, lr=hyper["lr"], betas=(hyper["beta1"], hyper["beta2"]), eps=hyper["eps"])
    else:
        opt = torch.optim.SGD(trainable, lr=hyper["lr"], momentum=hyper.get("momentum", 0.0))
    worst = {}

    def note(what, mine, theirs):
        d = (torch.tensor(mine, dtype=torch.float64).reshape(-1) - theirs.detach().reshape(-1)).abs().max().item()
        worst[what] = max(worst.get(what, 0.0), d)

    steps = [line for line in lines if "step" in line]
    for k, line in enumerate(steps):
        opt.zero_grad()
        a = x
        z = None
        for w, b, act in params:
            z = a @ w.T + b
            a = ACTIVATIONS[act](z) if act in ACTIVATIONS else None
            if a is None:
                a = torch.softmax(z, dim=1)
        loss = loss_of(first["loss_function"], z, a, target)
        note("loss", [line["loss"]], loss)
        loss.backward()
        before = [(w.detach().clone(), b.detach().clone()) for w, b, _ in params]
        opt.step()
        for i, (w, b, _) in enumerate(params):
            mine = line["layers"][i]["optimizer"]
            for name, p, old in (("W", w, before[i][0]), ("b", b, before[i][1])):
                if not p.requires_grad:
                    continue
                o = mine[name]
                note("step", o["step"], p.detach() - old)
                state = opt.state[p]
                if hyper["name"] == "momentum":
                    note("velocity", o["velocity"], state["momentum_buffer"])
                elif hyper["name"] == "adam":
                    t = float(state["step"])
                    if o["t"] != t:
                        raise SystemExit("t is %s, torch's step %s" % (o["t"], t))
                    note("m", o["m"], state["exp_avg"])
                    note("v", o["v"], state["exp_avg_sq"])
                    note("m_hat", o["m_hat"], state["exp_avg"] / (1 - hyper["beta1"] ** t))
                    note("v_hat", o["v_hat"], state["exp_avg_sq"] / (1 - hyper["beta2"] ** t))
                after = steps[k + 1]["layers"][i][name] if k + 1 < len(steps) else None
                if after is None and k + 1 == len(steps):
                    final = [l for l in lines if "final" in l]
                    after = final[0]["final"]["layers"][i][name] if final else None
                if after is not None:
                    note("parameters after", after, p.detach())
    return worst


CASES = [
    ["worked-2-2-2", "--optimizer", "sgd", "--lr", "0.5"],
    ["worked-2-2-2", "--optimizer", "momentum", "--lr", "0.5", "--momentum", "0.9"],
    ["worked-2-2-2", "--optimizer", "adam", "--lr", "0.1"],
    ["worked-2-2-2", "--optimizer", "adam", "--lr", "0.01", "--beta1", "0.8", "--beta2", "0.99", "--eps", "1e-6"],
    ["xor", "--optimizer", "momentum", "--lr", "0.3", "--momentum", "0.5"],
    ["xor", "--optimizer", "adam", "--lr", "0.05"],
]


def main(argv):
    if len(argv) == 3 and argv[1] == "--all":
        overall = 0.0
        for case in CASES:
            out = subprocess.run(["java", "-jar", argv[2], "trace", case[0], "--steps", "3", "--bias", "trained",
                                  "--json"] + case[1:], check=True, capture_output=True, text=True).stdout
            worst = compare([json.loads(l) for l in out.splitlines() if l.strip()])
            print(" ".join(case), " ".join("%s %.2e" % kv for kv in worst.items()))
            overall = max([overall] + list(worst.values()))
        print("largest difference over every case: %.2e" % overall)
        return 0 if overall < 1e-9 else 1
    if len(argv) != 2:
        print(__doc__)
        return 2
    with open(argv[1]) as f:
        worst = compare([json.loads(l) for l in f if l.strip()])
    for what, d in worst.items():
        print("%-18s %.2e" % (what, d))
    return 0 if max(worst.values()) < 1e-9 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
