package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.backproplab.engine.BackwardRecord;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.OptimizerSpec;
import org.backproplab.engine.StageRecord;
import org.backproplab.engine.StageRecords;
import org.backproplab.engine.Stepper;
import org.backproplab.engine.Trainer;
import org.backproplab.io.CodeSetup;
import org.backproplab.io.NumpyCode;
import org.backproplab.io.PyTorchCode;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The programs {@code export-code} writes, run with Debian's python3-torch and python3-numpy
 * ({@code .ci/run} installs them when they are missing): each prints the loss, gradients and
 * updated parameters that {@code trace} prints, to 1e-9 relative; after some Adam or momentum
 * steps too, with the optimizer's memory carried over.
 */
class ExportCodeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double TOLERANCE = 1e-9;
    private static String python;

    @TempDir
    Path dir;

    /** A Python 3 with torch and numpy: Debian's first (a pyenv shim on PATH may lack them). */
    private static String python() {
        if (python == null) {
            for (String candidate : List.of("/usr/bin/python3", "python3")) {
                try {
                    Process p = new ProcessBuilder(candidate, "-c", "import torch, numpy").redirectErrorStream(true)
                            .start();
                    if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0) {
                        python = candidate;
                        break;
                    }
                } catch (IOException | InterruptedException e) {
                    // not this one
                }
            }
        }
        Assumptions.assumeTrue(python != null, "no python3 with torch and numpy: apt-get install python3-torch "
                + "python3-numpy (.ci/run does)");
        return python;
    }

    private JsonNode runProgram(Path program) throws Exception {
        Process p = new ProcessBuilder(python(), program.toString(), "--json").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the program ends");
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        return MAPPER.readTree(lines[lines.length - 1]);
    }

    private static void close(String what, double expected, double actual) {
        double scale = Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= TOLERANCE * scale + 1e-15,
                what + ": expected " + expected + ", the program printed " + actual);
    }

    /** Every number of {@code expected} (name to nested lists) beside the program's, by state_dict name. */
    private static void same(String what, Map<String, double[][]> expected, JsonNode actual) {
        assertEquals(new TreeSet<>(expected.keySet()), names(actual), what + ": the names");
        expected.forEach((name, m) -> {
            JsonNode a = actual.get(name);
            for (int r = 0; r < m.length; r++) {
                for (int c = 0; c < m[r].length; c++) {
                    double printed = m[r].length == 1 && !a.get(r).isArray() ? a.get(r).asDouble() : a.get(r).get(c).asDouble();
                    close(what + " " + name + "[" + r + "][" + c + "]", m[r][c], printed);
                }
            }
        });
    }

    private static TreeSet<String> names(JsonNode node) {
        TreeSet<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int r = 0; r < n.size(); r++) {
            JsonNode row = n.get(r);
            m[r] = row.isArray() ? new double[row.size()] : new double[] {row.asDouble()};
            for (int c = 0; row.isArray() && c < row.size(); c++) {
                m[r][c] = row.get(c).asDouble();
            }
        }
        return m;
    }

    @ParameterizedTest(name = "{0} --bias {1} as {2}")
    @CsvSource({"worked-2-2-2, frozen, pytorch", "worked-2-2-2, frozen, numpy", "worked-2-2-2, trained, pytorch",
        "worked-2-2-2, trained, numpy", "xor, , pytorch", "xor, , numpy", "two-circles, , pytorch",
        "two-circles, , numpy", "three-classes, , pytorch", "three-classes, , numpy", "playground-default, , pytorch",
        "playground-default, , numpy"})
    void theProgramPrintsTracesFirstStep(String preset, String bias, String lang) throws Exception {
        python();
        Path program = dir.resolve(preset + "-" + lang + ".py");
        List<String> args = new ArrayList<>(List.of("export-code", preset, "--lang", lang, "--out", program.toString()));
        List<String> traceArgs = new ArrayList<>(List.of("trace", preset, "--steps", "1", "--json"));
        if (bias != null) {
            args.addAll(List.of("--bias", bias));
            traceArgs.addAll(List.of("--bias", bias));
        }
        CliRun export = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, export.exitCode(), export.err());
        JsonNode printed = runProgram(program);

        List<JsonNode> trace = CliRun.of(traceArgs.toArray(String[]::new)).jsonLines();
        JsonNode step = trace.get(0);
        JsonNode fin = trace.get(1).get("final");
        close("loss", step.get("loss").asDouble(), printed.get("loss").asDouble());
        Map<String, double[][]> grads = new TreeMap<>();
        Map<String, double[][]> params = new TreeMap<>();
        boolean trainedBias = "trained".equals(bias) || bias == null;
        for (int l = 0; l < step.get("layers").size(); l++) {
            String name = "linear" + (l + 1);
            JsonNode layer = step.get("layers").get(l);
            grads.put(name + ".weight", matrix(layer.get("dW")));
            if (trainedBias && layer.has("db")) {
                grads.put(name + ".bias", matrix(layer.get("db")));
            }
            params.put(name + ".weight", matrix(fin.get("layers").get(l).get("W")));
            if (fin.get("layers").get(l).has("b")) {
                params.put(name + ".bias", matrix(fin.get("layers").get(l).get("b")));
            }
        }
        same("grads", grads, printed.get("grads"));
        same("params", params, printed.get("params"));
    }

    @ParameterizedTest(name = "{0} after 2 steps with {1}, as {2}")
    @CsvSource({"two-circles, adam, pytorch", "two-circles, adam, numpy", "xor, momentum, pytorch",
        "xor, momentum, numpy"})
    void theOptimizersMemoryIsCarriedOver(String preset, String optimizer, String lang) throws Exception {
        python();
        Lesson lesson = Lessons.byId(preset);
        if (optimizer.equals("momentum")) {
            lesson = lesson.withOptimizer(new OptimizerSpec.Momentum(0.1, 0.9));
        }
        Trainer trainer = lesson.newTrainer();
        Stepper stepper = new Stepper(trainer, 1);
        stepper.finishIteration();
        stepper.finishIteration();
        CodeSetup setup = CodeSetup.atNextStep(preset, stepper);
        assertEquals(2, setup.optimizer().steps());
        Path program = dir.resolve("after-two.py");
        Files.writeString(program, lang.equals("pytorch") ? PyTorchCode.write(setup) : NumpyCode.write(setup));
        JsonNode printed = runProgram(program);

        List<StageRecord> third = stepper.finishIteration();
        StageRecords records = StageRecords.of(third);
        close("loss", records.loss().dataLoss(), printed.get("loss").asDouble());
        Map<String, double[][]> grads = new TreeMap<>();
        Map<String, double[][]> params = new TreeMap<>();
        Map<String, ImmutableMatrix> after = trainer.network().copyParameters();
        for (int l = 0; l < trainer.network().layerCount(); l++) {
            BackwardRecord b = records.backward(l);
            grads.put("linear" + (l + 1) + ".weight", b.gradWeights().toArray());
            grads.put("linear" + (l + 1) + ".bias", b.gradBias().toArray());
            params.put("linear" + (l + 1) + ".weight", after.get("W" + (l + 1)).toArray());
            params.put("linear" + (l + 1) + ".bias", after.get("b" + (l + 1)).toArray());
        }
        same("grads", grads, printed.get("grads"));
        same("params", params, printed.get("params"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mnist-lenet, assets/models/mnist-lenet.json", "mnist-cnn-small, assets/models/mnist-cnn-small.json",
        "mnist-mlp, assets/models/mnist-mlp.json", "lenet-1998, "})
    void aDigitsModelAsPyTorchReportsTheAppsTestAccuracy(String preset, String file) throws Exception {
        python();
        Path model;
        if (file == null) { // no shipped lenet-1998: its seeded random network, to check the subsampling module
            model = dir.resolve("lenet-1998.json");
            org.backproplab.io.ModelFile.save(model, preset,
                    org.backproplab.lesson.MnistLessons.byId(preset).network().apply(1), false);
        } else {
            model = Path.of(file);
        }
        Path program = dir.resolve("digits.py");
        CliRun export = CliRun.of("export-code", preset, "--model", model.toString(), "--lang", "pytorch", "--out",
                program.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.exists(dir.resolve("digits.npz")), "the weights beside the program");
        JsonNode printed = runProgram(program);
        JsonNode evaluate = CliRun.of("evaluate", model.toString(), "--json").jsonLines().get(0);
        assertEquals(10000, printed.get("images").asInt());
        assertEquals(evaluate.get("test_accuracy").asDouble(), printed.get("test_accuracy").asDouble(), 1e-12,
                "PyTorch on the 10,000 test digits");
        assertEquals(evaluate.get("test_accuracy").asDouble(), printed.get("app_accuracy").asDouble(), 1e-12);
    }

    @Test
    void refusalsSayWhatIsWrong() {
        CliRun lang = CliRun.of("export-code", "xor", "--lang", "julia");
        assertEquals(2, lang.exitCode());
        assertTrue(lang.err().contains("--lang must be pytorch or numpy, not julia"), lang.err());
        CliRun conv = CliRun.of("export-code", "conv-worked", "--lang", "pytorch");
        assertEquals(2, conv.exitCode());
        assertTrue(conv.err().contains("only dense networks are exported as code"), conv.err());
        CliRun digits = CliRun.of("export-code", "mnist-lenet", "--lang", "numpy");
        assertEquals(2, digits.exitCode());
        assertTrue(digits.err().contains("a digits model is written as PyTorch only"), digits.err());
        CliRun noModel = CliRun.of("export-code", "mnist-lenet", "--lang", "pytorch");
        assertEquals(2, noModel.exitCode());
        assertTrue(noModel.err().contains("needs --model FILE"), noModel.err());
    }
}
