package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backproplab.lesson.Lesson;
import org.backproplab.lesson.Lessons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace PRESET --steps N --save-experiment FILE} then {@code trace --experiment FILE --steps M}
 * prints, line for line and character for character, what {@code trace PRESET --steps N+M} prints
 * from step N+1 on (the final line included); {@code train --experiment} goes on as {@code train}.
 */
class ExperimentCliTest {
    @TempDir
    Path dir;

    private static List<String> lines(CliRun run) {
        assertEquals(0, run.exitCode(), run.err());
        return Arrays.stream(run.out().split("\n")).filter(l -> !l.isBlank()).toList();
    }

    private void goesOnAsOneRun(int n, int m, String... preset) {
        Path file = dir.resolve(preset[0] + ".json");
        List<String> whole = lines(CliRun.of(concat(new String[] {"trace"}, preset,
                new String[] {"--steps", String.valueOf(n + m), "--json"})));
        List<String> first = lines(CliRun.of(concat(new String[] {"trace"}, preset,
                new String[] {"--steps", String.valueOf(n), "--json", "--save-experiment", file.toString()})));
        assertEquals(n + 2, first.size());
        assertEquals("{\"saved_experiment\":\"" + file.toString().replace("\\", "\\\\") + "\"}", first.get(n + 1));
        assertTrue(Files.exists(file));
        List<String> rest = lines(CliRun.of("trace", "--experiment", file.toString(), "--steps", String.valueOf(m),
                "--json"));
        assertEquals(whole.subList(n, n + m + 1), rest);
        assertTrue(rest.get(0).startsWith("{\"step\":" + (n + 1) + ","), rest.get(0));
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    @Test
    void theWorkedExampleGoesOnFromStepNPlusOne() {
        goesOnAsOneRun(3, 4, "worked-2-2-2");
        goesOnAsOneRun(2, 3, "worked-2-2-2", "--bias", "trained");
    }

    @Test
    void twoCirclesWithAdamGoesOnFromStepNPlusOne() {
        goesOnAsOneRun(7, 6, "two-circles", "--optimizer", "adam");
    }

    @Test
    void trainGoesOnFromAnExperimentAsTheWholeRunWould() {
        Lesson circles = Lessons.byId("two-circles");
        int perEpoch = (circles.train().size() + circles.batchSize() - 1) / circles.batchSize();
        Path file = dir.resolve("c.json");
        lines(CliRun.of("trace", "two-circles", "--optimizer", "adam", "--steps", String.valueOf(perEpoch), "--json",
                "--save-experiment", file.toString()));
        List<String> whole = lines(CliRun.of("train", "two-circles", "--optimizer", "adam", "--epochs", "3", "--json"));
        List<String> rest = lines(CliRun.of("train", "--experiment", file.toString(), "--epochs", "2", "--json"));
        assertEquals(whole.subList(1, 3), rest);
    }

    @Test
    void aBrokenExperimentIsOneLineAndNothingElse() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"backprop-lab-experiment\", \"version\": 7}");
        CliRun run = CliRun.of("trace", "--experiment", file.toString());
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("backprop-lab trace: not opened: broken.json, field \"version\": the file is version 7, written "
                + "by a newer Backprop Lab; this one reads versions up to 2\n", run.err().replace("\r", ""));
        CliRun both = CliRun.of("trace", "xor", "--experiment", file.toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("give a PRESET or --experiment FILE, not both"), both.err());
    }

    @Test
    void aPlaygroundExperimentGoesOnInTraceAndStaysAPlaygroundOne() throws Exception {
        var two = org.backproplab.lesson.PlaygroundLessons.byId("two-circles");
        var own = two.withCustom(two.data()).withBatchSize(9);
        var trainer = own.toLesson("two-circles").newTrainer();
        trainer.trainEpoch();
        Path start = dir.resolve("pg.json");
        org.backproplab.io.ExperimentFile.save(start, org.backproplab.io.ExperimentFile.ofPlayground("two-circles", own,
                trainer, org.backproplab.io.ExperimentFile.Curve.EMPTY, org.backproplab.io.ExperimentFile.Curve.EMPTY));
        List<String> whole = lines(CliRun.of("trace", "--experiment", start.toString(), "--steps", "5", "--json"));
        Path middle = dir.resolve("pg2.json");
        lines(CliRun.of("trace", "--experiment", start.toString(), "--steps", "2", "--json", "--save-experiment",
                middle.toString()));
        assertTrue(Files.readString(middle).contains("\"tab\" : \"playground\""));
        List<String> rest = lines(CliRun.of("trace", "--experiment", middle.toString(), "--steps", "3", "--json"));
        assertEquals(whole.subList(2, 6), rest);
    }
}
