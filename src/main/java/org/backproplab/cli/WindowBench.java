package org.backproplab.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * {@code bench --window}: the window's figures, measured in child processes of the same jar (so the
 * command needs no JavaFX class): the start (spawn to the {@code start shown} and {@code start content}
 * marks) and the playground's frames per second on lessons, next to the most a nearly empty JavaFX
 * window draws in the same run (the {@code ui.FrameCeiling}). One JSON line per figure, or one saying
 * why a figure could not be measured.
 */
final class WindowBench {
    static final String CEILING = "javafx-ceiling";
    /**
     * The set-ups the frames are measured on: {lesson, hidden layers or null}; first the yardstick,
     * {@link #CEILING}: JavaFX's most frames on this host, a nearly empty window while a core is busy.
     */
    private static final String[][] FRAME_SETUPS = {{CEILING, null}, {"spiral", null}, {"spiral", "8x16"},
            {"playground-default", null}};
    private static final long START_TIMEOUT_MS = 120_000;

    private final PrintWriter out;
    private final int startRuns;
    private final double warmupSeconds;
    private final double seconds;

    WindowBench(PrintWriter out, int startRuns, double warmupSeconds, double seconds) {
        this.out = out;
        this.startRuns = startRuns;
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
    }

    /** Why the window cannot be measured here, or null when it can. */
    static String noDisplay(String osName, String display, String wayland) {
        boolean linux = osName.toLowerCase(Locale.ROOT).contains("linux");
        if (linux && (display == null || display.isBlank()) && (wayland == null || wayland.isBlank())) {
            return "no display: neither DISPLAY nor WAYLAND_DISPLAY is set (try xvfb-run)";
        }
        return null;
    }

    void run() {
        String why = noDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"));
        if (why != null) {
            Map<String, Object> line = Json.object();
            line.put("setup", "window");
            line.put("skipped", true);
            line.put("reason", why);
            print(line);
            return;
        }
        List<String> base;
        try {
            base = baseCommand();
        } catch (IllegalStateException e) {
            print(error("window", "start_ms", null, e.getMessage()));
            return;
        }
        measureStart(base);
        for (String[] setup : FRAME_SETUPS) {
            measureFrames(base, setup[0], setup[1]);
        }
    }

    /** java [-XX:SharedArchiveFile=...] -jar JAR (or -cp CLASSPATH Launcher, run from classes). */
    private static List<String> baseCommand() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        Path jar;
        try {
            jar = Path.of(WindowBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot find the running jar: " + e.getMessage());
        }
        if (Files.isRegularFile(jar) && jar.toString().endsWith(".jar")) {
            Path archive = jar.resolveSibling("backprop-lab.jsa");
            if (Files.isRegularFile(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
            }
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path", "") + File.pathSeparator + jar,
                    "org.backproplab.Launcher"));
        }
        return command;
    }

    private void measureStart(List<String> base) {
        double[] shown = new double[startRuns];
        double[] content = new double[startRuns];
        for (int i = 0; i < startRuns; i++) {
            List<String> command = withProperties(base, "-Dbackproplab.startLog=true");
            List<String> lines = new ArrayList<>();
            Child child;
            long spawned = System.currentTimeMillis();
            try {
                child = Child.start(command, (line, at) -> {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                });
            } catch (IOException e) {
                print(error("window", "start_ms", null, "cannot start the app: " + e.getMessage()));
                return;
            }
            Map<String, Long> marks;
            try {
                marks = waitForContent(lines, child, spawned + START_TIMEOUT_MS);
            } catch (InterruptedException e) {
                child.kill();
                Thread.currentThread().interrupt();
                return;
            }
            if (marks.get("content") == null || marks.get("shown") == null) {
                String failure = child.failure(marks.isEmpty() ? "no start marks"
                        : "no " + (marks.get("shown") == null ? "shown" : "content") + " mark", START_TIMEOUT_MS);
                child.kill();
                print(error("window", "start_ms", null, "run " + (i + 1) + ": " + failure));
                return;
            }
            child.kill();
            shown[i] = marks.get("shown") - spawned;
            content[i] = marks.get("content") - spawned;
        }
        Map<String, Object> line = Json.object();
        line.put("setup", "window");
        line.put("figure", "start_ms");
        line.put("shown_median", WindowReadings.median(shown));
        line.put("content_median", WindowReadings.median(content));
        line.put("shown_runs", shown);
        line.put("content_runs", content);
        line.put("runs", startRuns);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        print(line);
    }

    /** Waits until the lines hold a content mark, the child ends or the deadline passes; returns the marks. */
    private static Map<String, Long> waitForContent(List<String> lines, Child child, long deadline)
            throws InterruptedException {
        synchronized (lines) {
            while (true) {
                Map<String, Long> marks = WindowReadings.startMarks(lines);
                long left = deadline - System.currentTimeMillis();
                if (marks.containsKey("content") || left <= 0 || !child.process.isAlive() && child.outputDone()) {
                    return marks;
                }
                lines.wait(Math.min(left, 200));
            }
        }
    }

    private void measureFrames(List<String> base, String lesson, String layers) {
        String figure = "window_frames_per_second";
        List<String> command = CEILING.equals(lesson)
                ? withProperties(base, "-Dbackproplab.fpsCeiling=true")
                : layers == null
                ? withProperties(base, "-Dbackproplab.fps=true", "-Dbackproplab.play=" + lesson)
                : withProperties(base, "-Dbackproplab.fps=true", "-Dbackproplab.play=" + lesson,
                        "-Dbackproplab.playLayers=" + layers);
        WindowReadings readings = new WindowReadings();
        long warmupMs = Math.round(warmupSeconds * 1000);
        long totalMs = warmupMs + Math.round(seconds * 1000);
        long spawned = System.currentTimeMillis();
        Child child;
        try {
            child = Child.start(command, (line, at) -> {
                synchronized (readings) {
                    readings.offer(line, at - spawned, warmupMs);
                }
            });
        } catch (IOException e) {
            print(error(lesson, figure, layers, "cannot start the app: " + e.getMessage()));
            return;
        }
        try {
            child.process.waitFor(totalMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            child.kill();
            Thread.currentThread().interrupt();
            return;
        }
        boolean ended = !child.process.isAlive();
        double[] values;
        long epoch;
        long missed;
        synchronized (readings) {
            values = readings.readings();
            epoch = readings.lastEpoch();
            missed = readings.missed();
        }
        String failure = ended || values.length == 0 ? child.failure(ended ? "the app ended before the time was up"
                : "no fps line after the warm-up", totalMs) : null;
        child.kill();
        if (failure != null) {
            print(error(lesson, figure, layers, failure));
            return;
        }
        Map<String, Object> line = Json.object();
        line.put("setup", lesson);
        line.put("layers", layers);
        line.put("figure", figure);
        line.put("value", WindowReadings.median(values));
        line.put("min", WindowReadings.min(values));
        line.put("max", WindowReadings.max(values));
        line.put("mean", WindowReadings.mean(values));
        line.put("count", values.length);
        line.put("frames_missed", missed < 0 ? null : missed);
        line.put("last_epoch", epoch < 0 ? null : epoch);
        line.put("warmup_seconds", warmupSeconds);
        line.put("seconds", seconds);
        line.put("cores", Runtime.getRuntime().availableProcessors());
        print(line);
    }

    /** The command with {@code properties} before its -jar (or -cp). */
    private static List<String> withProperties(List<String> base, String... properties) {
        List<String> command = new ArrayList<>(base);
        command.addAll(1, List.of(properties));
        return command;
    }

    private static Map<String, Object> error(String setup, String figure, String layers, String message) {
        Map<String, Object> line = Json.object();
        line.put("setup", setup);
        if (layers != null) {
            line.put("layers", layers);
        }
        line.put("figure", figure);
        line.put("error", message);
        return line;
    }

    private void print(Map<String, Object> line) {
        out.println(Json.line(line));
        out.flush();
    }

    /** A child app: its stdout and stderr read line by line, each line handed on with its arrival time. */
    private static final class Child {
        private final Process process;
        private final Deque<String> lastErr = new ArrayDeque<>();
        private final List<Thread> readers = new ArrayList<>();

        private Child(Process process) {
            this.process = process;
        }

        static Child start(List<String> command, BiConsumer<String, Long> onLine) throws IOException {
            Child child = new Child(new ProcessBuilder(command).start());
            child.process.getOutputStream().close();
            child.read(child.process.getInputStream(), onLine, false);
            child.read(child.process.getErrorStream(), onLine, true);
            return child;
        }

        private void read(InputStream in, BiConsumer<String, Long> onLine, boolean err) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        onLine.accept(line, System.currentTimeMillis());
                        if (err && !line.startsWith("fps ")) {
                            synchronized (lastErr) {
                                lastErr.addLast(line.strip());
                                if (lastErr.size() > 3) {
                                    lastErr.removeFirst();
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    // the stream closes when the child is killed
                }
            }, "bench-window-reader");
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }

        boolean outputDone() {
            return readers.stream().noneMatch(Thread::isAlive);
        }

        /** Ends the child and its descendants: politely, then forcibly after 5 s. */
        void kill() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                for (Thread t : readers) {
                    t.join(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** What went wrong: {@code what}, the exit code or the timeout, and the child's last stderr lines. */
        String failure(String what, long timeoutMs) {
            StringBuilder s = new StringBuilder(what);
            if (!process.isAlive()) {
                // the child's last lines may still be on their way
                for (Thread t : readers) {
                    try {
                        t.join(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            if (process.isAlive()) {
                s.append(" within ").append(timeoutMs / 1000.0).append(" s");
            } else {
                s.append("; exit code ").append(process.exitValue());
            }
            synchronized (lastErr) {
                if (!lastErr.isEmpty()) {
                    s.append("; stderr: ").append(String.join(" | ", lastErr));
                }
            }
            return s.toString();
        }
    }
}
