package org.backproplab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar, run with plain java -jar in its own process. */
class JarIT {
    private static final Path JAR = Path.of("target", "backprop-lab.jar");

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    private static Result run(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("jar-out", ".txt");
        Path err = Files.createTempFile("jar-err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void traceRunsFromTheJar() throws Exception {
        Result r = run("trace", "worked-2-2-2", "--steps", "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode first = new ObjectMapper().readTree(r.out().split("\n")[0]);
        assertEquals(0.298371109, first.get("loss").asDouble(), 1e-9);
        assertEquals(0.75136507, first.get("layers").get(1).get("a").get(0).asDouble(), 1e-8);
    }

    /** explain writes its PNG with java.awt's ImageIO, headless, from the shaded jar. */
    @Test
    void explainWritesAPngFromTheJar(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path model = dir.resolve("lenet.json");
        org.backproplab.io.ModelFile.save(model, "mnist-lenet",
                org.backproplab.lesson.MnistLessons.byId("mnist-lenet").network().apply(3), false);
        Path png = dir.resolve("cam.png");
        Result r = run("explain", model.toString(), "--data", "src/test/resources/mnist-tiny", "--digit", "4",
                "--method", "gradcam", "--png", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(28, new ObjectMapper().readTree(r.out()).get("map").size());
        assertEquals(280, javax.imageio.ImageIO.read(png.toFile()).getWidth());
    }

    /**
     * The class-data-sharing archive built with the jar (docs/PERFORMANCE.md, "Start") fits it: with
     * -Xshare:on a JVM that cannot map it refuses to start, and the app's classes come from it.
     */
    @Test
    void theStartupArchiveFitsTheJarAndHoldsTheAppsClasses() throws Exception {
        Path archive = Path.of("target", "backprop-lab.jsa");
        assertTrue(Files.isRegularFile(archive), "package writes " + archive);
        Result r = run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"),
                "trace", "worked-2-2-2", "--steps", "1", "--json");
        assertEquals(0, r.code(), r.err());
        List<String> launcher = r.out().lines().filter(l -> l.contains("org.backproplab.Launcher ")).toList();
        assertEquals(1, launcher.size(), r.out());
        assertTrue(launcher.get(0).contains("shared objects file"), launcher.get(0));
        // the JavaFX classes the window loads first are in it too
        assertTrue(Files.readString(Path.of("src", "build", "startup.classlist"))
                .contains("javafx/scene/control/TabPane"), "the list was taken from a start of the window");
    }

    @Test
    void badInputFromTheJarIsOneLineWithExitCode2() throws Exception {
        Result r = run("trace", "worked-2-2-2", "--steps", "many");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void theManifestNamesAPlainLauncher() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            String main = jar.getManifest().getMainAttributes().getValue("Main-Class");
            assertEquals("org.backproplab.Launcher", main);
            Class<?> launcher = Class.forName(main, false, getClass().getClassLoader());
            assertFalse(javafx.application.Application.class.isAssignableFrom(launcher),
                    "a shaded JavaFX jar only starts when its main class is not an Application");
        }
    }

    @Test
    void theShippedModelsAreInsideTheJarAndEvaluateFromIt() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String preset : org.backproplab.io.ShippedModels.PRESETS) {
                String entry = org.backproplab.io.ShippedModels.resource(preset).substring(1);
                assertTrue(jar.getEntry(entry) != null, "no " + entry + " in the jar");
            }
        }
        Result r = run("evaluate", "assets/models/mnist-mlp.json", "--limit", "1000", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(1000, o.get("images").asInt());
        assertTrue(o.get("test_accuracy").asDouble() > 0.9, r.out());
    }
}
