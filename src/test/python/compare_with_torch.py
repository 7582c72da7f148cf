#!/usr/bin/env python3
"""Loads a Backprop Lab model file (version 2) into an equivalent torch.nn model and compares it
with the app's own evaluation of the MNIST test digits.

An independent check of docs/MODEL-FORMAT.md: the layouts (conv W one row per filter in (channel,
row, column) order, dense W (out, in), dense inputs flattened in (channel, row, column) order) are
right exactly when PyTorch, given the file's numbers, computes the app's outputs.

    java -jar target/backprop-lab.jar evaluate assets/models/mnist-lenet.json --json --outputs 10000 > app.json
    python3 src/test/python/compare_with_torch.py assets/models/mnist-lenet.json assets/mnist app.json

Needs torch and numpy (Debian: apt-get install python3-torch python3-numpy); the Maven build does
not run it.
"""
import gzip
import json
import sys

import numpy as np
import torch
from torch import nn

ACTIVATIONS = {
    "relu": nn.ReLU,
    "sigmoid": nn.Sigmoid,
    "tanh": nn.Tanh,
    "leaky-relu": lambda: nn.LeakyReLU(0.01),  # the app's slope: Activation.LEAKY_SLOPE
    "identity": None,
    "softmax": None,  # left off: the model gives logits, as nn.CrossEntropyLoss wants them
}


def build(model):
    """The torch.nn.Sequential of a version-2 model file, in float64, holding the file's numbers."""
    layers = []
    shape = model["input"]
    for i, layer in enumerate(model["layers"]):
        kind = layer["type"]
        if kind == "conv":
            channels = shape[0]
            f, k = layer["filters"], layer["kernel"]
            conv = nn.Conv2d(channels, f, k, stride=layer["stride"], padding=layer["padding"]).double()
            with torch.no_grad():
                # one row per filter, columns in (channel, row, column) order: weight.reshape(F, -1)
                conv.weight.copy_(torch.tensor(layer["W"], dtype=torch.float64).reshape(f, channels, k, k))
                conv.bias.copy_(torch.tensor(layer["b"], dtype=torch.float64))
            layers.append(conv)
            side = lambda n: (n + 2 * layer["padding"] - k) // layer["stride"] + 1
            shape = [f, side(shape[1]), side(shape[2])]
        elif kind == "maxpool":
            layers.append(nn.MaxPool2d(layer["size"]))
            shape = [shape[0], shape[1] // layer["size"], shape[2] // layer["size"]]
        elif kind == "dense":
            if len(shape) == 3:
                layers.append(nn.Flatten())  # (channel, row, column) order
                shape = [shape[0] * shape[1] * shape[2]]
            linear = nn.Linear(shape[0], layer["units"], bias=layer.get("bias", "trained") != "none").double()
            with torch.no_grad():
                linear.weight.copy_(torch.tensor(layer["W"], dtype=torch.float64))  # (out, in), as stored
                if linear.bias is not None:
                    linear.bias.copy_(torch.tensor(layer["b"], dtype=torch.float64))
            layers.append(linear)
            shape = [layer["units"]]
        else:
            raise SystemExit(f"layers[{i}]: unknown type {kind}")
        if kind != "maxpool":
            act = ACTIVATIONS[layer["activation"]]
            if act is not None and not (layer["activation"] == "softmax"):
                layers.append(act())
    return nn.Sequential(*layers)


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = int.from_bytes(data[0:4], "big")
    if magic == 0x803:
        n, rows, cols = (int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(3))
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, 1, rows, cols)
    n = int.from_bytes(data[4:8], "big")
    return np.frombuffer(data, dtype=np.uint8, offset=8)[:n]


def main(model_path, mnist_dir, app_path):
    with open(model_path) as f:
        model = json.load(f)
    with open(app_path) as f:
        app = json.load(f)
    net = build(model).eval()
    images = idx(f"{mnist_dir}/t10k-images-idx3-ubyte.gz")[: app["images"]]
    labels = idx(f"{mnist_dir}/t10k-labels-idx1-ubyte.gz")[: app["images"]]
    x = torch.tensor(images, dtype=torch.float64) / 255.0  # the app's pixels: byte / 255, no normalisation
    y = torch.tensor(labels, dtype=torch.int64)
    with torch.no_grad():
        logits = net(x)
    loss = nn.functional.cross_entropy(logits, y).item()  # mean over the digits, as the app's
    predicted = logits.argmax(dim=1).numpy()
    confusion = np.zeros((10, 10), dtype=int)
    np.add.at(confusion, (labels, predicted), 1)
    accuracy = float((predicted == labels).mean())
    probabilities = torch.softmax(logits, dim=1).numpy()
    print(f"{model_path}: torch {torch.__version__}, {len(labels)} digits")
    print(f"  accuracy: torch {accuracy:.4f}, app {app['test_accuracy']:.4f}")
    print(f"  loss: torch {loss:.12f}, app {app['test_loss']:.12f}, difference {abs(loss - app['test_loss']):.1e}")
    same = confusion.tolist() == app["confusion"]
    print(f"  confusion matrices equal: {same}")
    ok = same and accuracy == app["test_accuracy"] and abs(loss - app["test_loss"]) < 1e-9
    if "outputs" in app:
        theirs = np.array(app["outputs"])
        diff = np.abs(probabilities[: len(theirs)] - theirs).max()
        print(f"  largest difference of the softmax outputs over {len(theirs)} digits: {diff:.1e}")
        ok = ok and diff < 1e-9
    print("  AGREE" if ok else "  DISAGREE")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    sys.exit(main(*sys.argv[1:]))
