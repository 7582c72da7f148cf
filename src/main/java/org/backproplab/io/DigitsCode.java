package org.backproplab.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.backproplab.engine.Activation;
import org.backproplab.engine.ConvLayer;
import org.backproplab.engine.DenseLayer;
import org.backproplab.engine.DropoutLayer;
import org.backproplab.engine.FlattenLayer;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Layer;
import org.backproplab.engine.MaxPoolLayer;
import org.backproplab.engine.Network;
import org.backproplab.engine.SubsamplingLayer;

/**
 * A digits network as a PyTorch program: the model written out as an {@code nn.Sequential}
 * (Conv2d, MaxPool2d, Flatten, Dropout, Linear and their activations; LeNet-5's subsampling as a
 * small module), its weights in a NumPy {@code .npz} file beside it under the Sequential's
 * state_dict names, and the evaluation of the 10,000 MNIST test digits, printed beside the test
 * accuracy the app reports.
 */
public final class DigitsCode {
    private DigitsCode() {
    }

    /** The program's text and its weights file. */
    public record Program(String code, byte[] npz) {
    }

    /**
     * @param npzName     the weights file's name, read from the program's own folder
     * @param appAccuracy the test accuracy the app reports for this network, or null when not measured
     */
    public static Program write(String preset, Network net, String npzName, Double appAccuracy) {
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        List<String> modules = new ArrayList<>();
        boolean maps = true; // the input is the 1 x 28 x 28 image
        boolean subsampling = false;
        for (Layer l : net.layers()) {
            int i = modules.size();
            if (l instanceof ConvLayer c) {
                modules.add(String.format(Locale.ROOT, "nn.Conv2d(%d, %d, %d, stride=%d, padding=%d)",
                        c.inputChannels(), c.filters(), c.kernel(), c.stride(), c.padding()));
                put(values, shapes, i + ".weight", c.weights().values(), c.filters(), c.inputChannels(), c.kernel(),
                        c.kernel());
                put(values, shapes, i + ".bias", c.bias().values(), c.filters());
                maps = true;
            } else if (l instanceof MaxPoolLayer p) {
                modules.add("nn.MaxPool2d(" + p.size() + ")");
            } else if (l instanceof SubsamplingLayer s) {
                modules.add("Subsampling(" + s.channels() + ", " + s.size() + ")");
                put(values, shapes, i + ".coefficient", s.weights().values(), s.channels());
                put(values, shapes, i + ".bias", s.bias().values(), s.channels());
                subsampling = true;
            } else if (l instanceof FlattenLayer) {
                modules.add("nn.Flatten()");
                maps = false;
            } else if (l instanceof DropoutLayer d) {
                modules.add("nn.Dropout(" + d.rate() + ")  # the identity after model.eval()");
            } else if (l instanceof DenseLayer d) {
                if (maps) {
                    modules.add("nn.Flatten()  # (channel, row, column) order, as the app flattens");
                    maps = false;
                    i++;
                }
                modules.add("nn.Linear(" + d.inputSize() + ", " + d.outputSize() + ")");
                put(values, shapes, i + ".weight", d.weights().values(), d.outputSize(), d.inputSize());
                put(values, shapes, i + ".bias", d.bias().values(), d.outputSize());
            } else {
                throw new IllegalArgumentException("no PyTorch form for " + l.getClass().getSimpleName());
            }
            String act = activation(l.activation());
            if (act != null) {
                modules.add(act);
            }
        }
        return new Program(code(preset, modules, subsampling, npzName, appAccuracy), npz(values, shapes));
    }

    private static String activation(Activation a) {
        return switch (a) {
            case RELU -> "nn.ReLU()";
            case SIGMOID -> "nn.Sigmoid()";
            case TANH -> "nn.Tanh()";
            case LEAKY_RELU -> "nn.LeakyReLU(0.01)";
            case SOFTMAX -> null; // the model gives logits; softmax(logits) gives the app's outputs
            default -> null;
        };
    }

    private static void put(Map<String, double[]> values, Map<String, int[]> shapes, String name, ImmutableMatrix m,
            int... shape) {
        double[] flat = new double[m.rows() * m.cols()];
        for (int r = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.cols(); c++) {
                flat[r * m.cols() + c] = m.get(r, c);
            }
        }
        values.put(name, flat);
        shapes.put(name, shape);
    }

    private static String code(String preset, List<String> modules, boolean subsampling, String npzName,
            Double appAccuracy) {
        StringBuilder b = new StringBuilder();
        b.append("#!/usr/bin/env python3\n\"\"\"").append(preset)
                .append(" as a PyTorch nn.Sequential, written by Backprop Lab.\n\n");
        b.append("Its weights are in ").append(npzName).append(" beside this file (NumPy, under the state_dict names).\n");
        b.append("It evaluates the 10,000 MNIST test digits read from the IDX files in DATA_FOLDER\n");
        b.append("(default: assets/mnist of Backprop Lab) and prints the test accuracy.\n\n");
        b.append("Run:  python3 THIS_FILE [DATA_FOLDER] [--json]\n\"\"\"\n");
        b.append("import gzip\nimport json\nimport os\nimport sys\n\nimport numpy as np\nimport torch\n")
                .append("import torch.nn as nn\n\n");
        b.append("torch.set_default_dtype(torch.float64)  # Backprop Lab computes in double precision\n");
        b.append("HERE = os.path.dirname(os.path.abspath(__file__))\n");
        b.append("APP_ACCURACY = ").append(appAccuracy == null ? "None" : CodeSetup.number(appAccuracy))
                .append("  # the test accuracy Backprop Lab reports for this network\n\n\n");
        if (subsampling) {
            b.append("""
                    class Subsampling(nn.Module):
                        \"\"\"LeNet-5's subsampling: per map, coefficient * (the mean of each k x k window) + bias.\"\"\"

                        def __init__(self, channels, size):
                            super().__init__()
                            self.pool = nn.AvgPool2d(size)
                            self.coefficient = nn.Parameter(torch.ones(channels))
                            self.bias = nn.Parameter(torch.zeros(channels))

                        def forward(self, x):
                            return self.pool(x) * self.coefficient.view(1, -1, 1, 1) + self.bias.view(1, -1, 1, 1)


                    """);
        }
        b.append("model = nn.Sequential(\n");
        for (String m : modules) {
            int comment = m.indexOf("  #");
            b.append("    ").append(comment < 0 ? m + "," : m.substring(0, comment) + "," + m.substring(comment))
                    .append('\n');
        }
        b.append(")  # it gives logits: torch.softmax(model(x), dim=1) gives the app's outputs\n");
        b.append("weights = np.load(os.path.join(HERE, \"").append(npzName).append("\"))\n");
        b.append("model.load_state_dict({k: torch.from_numpy(weights[k]) for k in weights.files})\n");
        b.append("model.eval()\n\n\n");
        b.append("""
                def idx(path, offset):
                    with gzip.open(path, "rb") as f:
                        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


                args = [a for a in sys.argv[1:] if not a.startswith("--")]
                folder = args[0] if args else os.path.join("assets", "mnist")
                images = idx(os.path.join(folder, "t10k-images-idx3-ubyte.gz"), 16).reshape(-1, 1, 28, 28)
                labels = idx(os.path.join(folder, "t10k-labels-idx1-ubyte.gz"), 8)
                x = torch.from_numpy(images.astype(np.float64) / 255.0)  # pixel / 255, as the app reads them
                correct = 0
                with torch.no_grad():
                    for start in range(0, len(labels), 1000):
                        predicted = model(x[start:start + 1000]).argmax(dim=1).numpy()
                        correct += int((predicted == labels[start:start + 1000]).sum())
                accuracy = correct / len(labels)
                if "--json" in sys.argv:
                    print(json.dumps({"images": len(labels), "test_accuracy": accuracy, "app_accuracy": APP_ACCURACY}))
                else:
                    print(model)
                    print("test accuracy: %.4f (%d of %d digits)" % (accuracy, correct, len(labels)))
                    if APP_ACCURACY is not None:
                        print("Backprop Lab reports: %.4f" % APP_ACCURACY)
                """);
        return b.toString();
    }

    /** The weights as an .npz: a zip of .npy files (format 1.0, little-endian float64, C order). */
    static byte[] npz(Map<String, double[]> values, Map<String, int[]> shapes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, double[]> e : values.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue(), shapes.get(e.getKey())));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory zip cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static byte[] npy(double[] data, int[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }");
        // magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64, ending in \n
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(10 + h.length + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) h.length).put(h);
        for (double d : data) {
            buf.putDouble(d);
        }
        return buf.array();
    }
}
