package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.io.ExerciseSheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exercise command: its answer key is what trace prints, and its sheet never shows an asked value. */
class ExerciseCommandTest {
    @TempDir
    Path dir;

    /** The lines inside the ```text blocks after each "## Iteration" (or "第 k 次迭代") heading. */
    static List<String> iterationBlocks(String md) {
        List<String> out = new ArrayList<>();
        boolean inIteration = false;
        boolean code = false;
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("## ")) {
                inIteration = line.contains("Iteration") || line.contains("次迭代");
            } else if (line.startsWith("```")) {
                code = !code;
            } else if (code && inIteration) {
                out.add(line);
            }
        }
        return out;
    }

    /** trace's walk-through lines without the "Iteration k" headings, the blank after them and the summary. */
    static List<String> traceLines(String out) {
        List<String> lines = new ArrayList<>();
        String[] all = out.split("\n", -1);
        for (int i = 0; i < all.length; i++) {
            if (all[i].startsWith("Iteration ")) {
                i++; // the blank line after the heading
                continue;
            }
            if (all[i].startsWith("After ")) {
                break;
            }
            lines.add(all[i]);
        }
        // trace ends each iteration with an empty line; the sheet's block ends without one
        return lines.stream().filter(l -> !l.isEmpty()).toList();
    }

    private String run(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return Files.readString(dir.resolve(args[args.length - 1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void theAnswerKeyIsTracesWalkThrough(String lang) throws Exception {
        String key = run("exercise", "worked-2-2-2", "--steps", "2", "--lang", lang, "--answers", "--out",
                dir.resolve("key.md").toString());
        List<String> trace = traceLines(CliRun.of("trace", "worked-2-2-2", "--steps", "2").out());
        assertEquals(trace, iterationBlocks(key).stream().filter(l -> !l.isEmpty()).toList());
        // by hand: net_h1 = 0.15 x 0.05 + 0.20 x 0.10 + 0.35 = 0.3775
        assertTrue(key.contains("net_h1 = w1 x i1 + w2 x i2 + b_h1 x 1 = 0.15 x 0.05 + 0.2 x 0.1 + 0.35 x 1 = 0.3775"));
        assertTrue(key.contains(lang.equals("zh") ? "# 答案" : "# Answer key"), key.lines().findFirst().orElse(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"worked-2-2-2", "from-scratch-3-4-1"})
    void theSheetNeverShowsAnAskedValue(String preset) throws Exception {
        String sheet = run("exercise", preset, "--steps", "2", "--out", dir.resolve("sheet.md").toString());
        String html = run("exercise", preset, "--steps", "2", "--lang", "zh", "--out",
                dir.resolve("sheet.html").toString());
        List<String> trace = traceLines(CliRun.of("trace", preset, "--steps", "2").out());
        // a value may equal a given (3-4-1: net_h1 of the sample [0, 0, 1] is w3): look past the givens
        String blanks = String.join("\n", iterationBlocks(sheet));
        String htmlBlanks = html.substring(html.indexOf("次迭代</h2>"));
        int asked = 0;
        for (String line : trace) {
            String t = line.strip();
            int eq = t.indexOf(" = ");
            if (eq < 0 || !ExerciseSheet.isAsked(t.substring(0, eq))) {
                continue;
            }
            asked++;
            String value = t.substring(t.lastIndexOf(" = ") + 3);
            assertFalse(blanks.contains(value), t.substring(0, eq) + " = " + value + " shows on the sheet");
            assertFalse(htmlBlanks.contains(value), t.substring(0, eq) + " = " + value + " shows on the HTML sheet");
            assertTrue(sheet.contains(t.substring(0, eq) + " = " + "__________"), "a blank for " + t);
        }
        assertTrue(asked >= 30, "every value of two iterations is asked: " + asked);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<pre>") && html.contains("lang=\"zh\""));
        assertTrue(sheet.contains("w1 = 0.15") || !preset.equals("worked-2-2-2"), "the givens are printed");
    }

    @Test
    void refusals() {
        assertEquals(2, CliRun.of("exercise", "worked-2-2-2", "--lang", "fr", "--out",
                dir.resolve("x.md").toString()).exitCode());
        CliRun r = CliRun.of("exercise", "worked-2-2-2", "--steps", "0", "--out", dir.resolve("x.md").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--steps must be 1 to 20"), r.err());
        assertFalse(Files.exists(dir.resolve("x.md")));
    }

    @Test
    void aSavedExperimentGivesTheExerciseOfWhereItWasLeft() throws Exception {
        Path saved = dir.resolve("e.json");
        assertEquals(0, CliRun.of("trace", "worked-2-2-2", "--steps", "2", "--save-experiment", saved.toString())
                .exitCode());
        String key = run("exercise", "--experiment", saved.toString(), "--answers", "--out",
                dir.resolve("key.md").toString());
        List<String> trace = traceLines(CliRun.of("trace", "--experiment", saved.toString(), "--steps", "1").out());
        assertEquals(trace, iterationBlocks(key).stream().filter(l -> !l.isEmpty()).toList());
        assertTrue(key.contains("## Iteration 3"), "the iteration after the two saved");
        String sheet = run("exercise", "--experiment", saved.toString(), "--out", dir.resolve("sheet.md").toString());
        assertFalse(sheet.contains("w1 = 0.15,"), "the givens are the weights after two updates");
        assertEquals(2, CliRun.of("exercise", "worked-2-2-2", "--experiment", saved.toString(), "--out",
                dir.resolve("x.md").toString()).exitCode());
    }
}
