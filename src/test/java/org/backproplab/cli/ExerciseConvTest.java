package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backproplab.engine.ConvWorkedByHand;
import org.backproplab.io.MapExerciseSheet;
import org.backproplab.lesson.Naming;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exercise sheet and answer key of the convolution worked example: the key is what trace
 * prints, a few of its values as {@link ConvWorkedByHand} works them out from the preset's numbers, and the sheet shows no
 * value it asks for.
 */
class ExerciseConvTest {
    /** The first iteration worked out by hand from the preset's numbers (no engine class). */
    private static final ConvWorkedByHand HAND = new ConvWorkedByHand();

    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(dir.resolve(args[args.length - 1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theAnswerKeyIsTracesWalkThrough(String lang) throws Exception {
        String key = run("exercise", "conv-worked", "--steps", "2", "--lang", lang, "--answers", "--out",
                dir.resolve("key.md").toString());
        List<String> trace = ExerciseCommandTest.traceLines(CliRun.of("trace", "conv-worked", "--steps", "2").out());
        assertTrue(trace.size() > 400, "two iterations of every value: " + trace.size());
        assertEquals(trace, ExerciseCommandTest.iterationBlocks(key).stream().filter(l -> !l.isEmpty()).toList());
        assertTrue(key.startsWith(lang.equals("zh") ? "# 答案" : "# Answer key"), key.lines().findFirst().orElse(""));

        // by hand: z1[0][0][2] = 0.2 x 0.8 + 0.5 x 0.9 - 0.3 x 0.2 + ... + 0.05 = 1.37
        double z = HAND.z1[0][0][2];
        assertEquals(1.37, z, 1e-12);
        assertTrue(key.contains(" + 0.05 = " + Naming.number(z) + ";  a = relu(" + Naming.number(z) + ") = "
                + Naming.number(z)), "z1[0][0][2]");
        String line = lineOf(key, "dE/dW1[1][0][0][2] = ");
        assertTrue(line.contains(" = " + Naming.number(HAND.dK[1][0][2]) + "   ("), line);
        line = lineOf(key, "dE/dW1[0][0][0][0] = ");
        assertTrue(line.contains(" = " + Naming.number(HAND.dK[0][0][0]) + "   ("), line);
    }

    /** The first line of the key that starts with {@code start} (after its indent). */
    private static String lineOf(String md, String start) {
        return md.lines().map(String::strip).filter(l -> l.startsWith(start)).findFirst().orElse(start + "(missing)");
    }

    /** The values a trace line computes: z and a on a convolution's line, else the one after the last " = ". */
    private static List<String> values(String line) {
        List<String> out = new ArrayList<>();
        int semi = line.indexOf(";  a = ");
        if (semi >= 0) {
            out.add(after(line.substring(0, semi)));
            out.add(after(line.substring(semi)));
        } else if (line.contains(" goes to ")) {
            out.add(line.substring(line.indexOf(" = ") + 3, line.indexOf(" goes to ")));
        } else {
            out.add(after(line));
        }
        return out;
    }

    private static String after(String line) {
        String v = line.substring(line.lastIndexOf(" = ") + 3);
        int note = v.indexOf("   (");
        return note < 0 ? v : v.substring(0, note);
    }

    private static Set<String> numbers(String text) {
        return new HashSet<>(Arrays.asList(text.split("[\\s,;=()\\[\\]:<>]+")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theSheetNeverShowsAnAskedValue(String lang) throws Exception {
        String sheet = run("exercise", "conv-worked", "--steps", "2", "--lang", lang, "--out",
                dir.resolve("sheet.md").toString());
        String html = run("exercise", "conv-worked", "--steps", "2", "--lang", lang, "--out",
                dir.resolve("sheet.html").toString());
        // the givens speak the sheet's language: two 3 x 3 filters, 2 x 2 max-pooling, a dense layer of 2
        if (lang.equals("zh")) {
            assertTrue(sheet.contains("卷积 2 个 3x3，步长 1，填充 0 (relu) \u2192 最大池化 2x2 \u2192 全连接 2"), sheet);
            String network = sheet.lines().filter(l -> l.startsWith("| 网络 |")).findFirst().orElseThrow();
            assertFalse(network.contains("stride") || network.contains("max-pool") || network.contains("dense"), network);
        } else {
            assertTrue(sheet.contains("conv 2 x 3x3, stride 1, padding 0 (relu) \u2192 max-pool 2x2 \u2192 dense 2"), sheet);
        }
        List<String> trace = ExerciseCommandTest.traceLines(CliRun.of("trace", "conv-worked", "--steps", "2").out());
        Set<String> shown = numbers(String.join("\n", ExerciseCommandTest.iterationBlocks(sheet)));
        String heading = lang.equals("zh") ? "次迭代</h2>" : "Iteration 1</h2>";
        Set<String> shownInHtml = numbers(html.substring(html.indexOf(heading)));
        int asked = 0;
        for (String line : trace) {
            String t = line.strip();
            int eq = t.indexOf(" = ");
            int paren = t.indexOf(" (");
            String name = eq < 0 ? "" : t.substring(0, paren >= 0 && paren < eq ? paren : eq);
            if (eq < 0 || !MapExerciseSheet.isAsked(name)) {
                continue;
            }
            assertTrue(sheet.contains(name + " = __________"), "a blank for " + t);
            for (String value : values(t)) {
                asked++;
                // whole numbers (0 above all) are in the headings' "Layer 1", "padding 0" and the indices
                if (value.matches("-?\\d+")) {
                    continue;
                }
                assertFalse(shown.contains(value), name + " = " + value + " shows on the sheet");
                assertFalse(shownInHtml.contains(value), name + " = " + value + " shows on the HTML sheet");
            }
        }
        // per iteration: z and a of 32 cells, 8 pooled, z3 and a3, E[0], E[1], E, delta3, dW3, db3, delta2, delta1,
        // the kernels' and b1's gradients, 38 parameters updated
        assertEquals(2 * (64 + 8 + 4 + 3 + 2 + 16 + 2 + 8 + 32 + 18 + 2 + 38), asked);
        assertTrue(sheet.contains("  [0, 0.1, 0.8, 0.9, 0.2, 0]"), "the image is a given");
        assertTrue(sheet.contains("z1[0][0][2] = __________;  a1[0][0][2] = __________"), sheet);
        assertFalse(sheet.contains("winner"), "nor which cell won a window");
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("lang=\"" + lang + "\""));
    }
}
