package org.backproplab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.backproplab.session.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded random sequence of real clicks and keys over every tab: play, pause, step, back, reset,
 * lesson and preset switches, layer edits, language switches, text fields with bad values, imports
 * of bad files (through the test's dialogs). Nothing may end in an uncaught exception (on the FX
 * thread or anywhere else) or in a failure the workers did not expect, and the window must keep
 * answering. Heap after a collection is logged every {@code soak.logSeconds}.
 *
 * <p>In CI it runs for about 75 seconds. The long run, reported in docs/RELIABILITY.md:
 * {@code mvn -B -o test -Dtest=SoakTest -Dsoak.minutes=60 -Dsurefire.failIfNoSpecifiedTests=false}
 * (also {@code -Dsoak.seed=N}, {@code -Dsoak.log=/tmp/soak.log}).
 */
@ExtendWith(ApplicationExtension.class)
class SoakTest {
    private static final String[] TABS = {"#tab-step", "#tab-playground", "#tab-activations", "#tab-digits"};
    private static final KeyCode[] KEYS = {KeyCode.SPACE, KeyCode.RIGHT, KeyCode.LEFT, KeyCode.R, KeyCode.F1,
        KeyCode.ESCAPE, KeyCode.TAB, KeyCode.ENTER, KeyCode.DOWN, KeyCode.UP};
    private static final String[] TEXTS = {"", "abc", "-1", "0", "1e400", "NaN", "-Infinity", "1e-400", "0x1p3", "1d",
        "3.5", "0.03", "10", "99999999999999999999", " 2 ", "\u4e00", "1,5", "1e308", "-0", "7", "64"};
    private static final List<String> UNEXPECTED = List.of("notice.workerError", "notice.outOfMemory");

    private final UiTestSupport ui = new UiTestSupport(Locale.ENGLISH);
    private final List<String> uncaught = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> notices = Collections.synchronizedMap(new TreeMap<>());
    private Thread.UncaughtExceptionHandler previous;
    /** Clicks aimed at a control that had moved out of sight by then. */
    private int missed;

    @Start
    void start(Stage stage) {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler h = (t, e) -> uncaught.add(t.getName() + ": " + e);
        Thread.setDefaultUncaughtExceptionHandler(h);
        Thread.currentThread().setUncaughtExceptionHandler(h); // @Start runs on the FX thread
        ui.settings.setSize(1600, 1000);
        ui.open(stage);
        watch(ui.window.session().noticeProperty());
        watch(ui.window.playground().session().noticeProperty());
        watch(ui.window.digits().session().noticeProperty());
    }

    private void watch(ReadOnlyObjectProperty<Notice> notice) {
        notice.addListener((o, a, n) -> {
            if (n != null) {
                notices.merge(n.key(), 1, Integer::sum);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        Thread.setDefaultUncaughtExceptionHandler(previous);
        // the FX thread outlives this test: give its exceptions back to the default handler
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(null))
                .get(10, TimeUnit.SECONDS);
    }

    /** Broken files for the imports: each an input a careless user might pick. */
    private static List<Path> badFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(3);
        byte[] noise = new byte[4096];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) r.nextInt(256);
        }
        files.add(Files.write(dir.resolve("noise.csv"), noise));
        files.add(Files.write(dir.resolve("noise.json"), noise));
        files.add(Files.writeString(dir.resolve("empty.csv"), ""));
        files.add(Files.writeString(dir.resolve("empty.json"), ""));
        files.add(Files.writeString(dir.resolve("bom.csv"), "\uFEFFx1,x2,label\n0.5,0.5,1\n-0.5,-0.5,0\n"));
        files.add(Files.writeString(dir.resolve("huge.csv"), "x1,x2,label\n1e308,2,1\n3,4,0\n"));
        files.add(Files.writeString(dir.resolve("labels.csv"), "x1,x2,label\n1,2,-1\n3,4,1.5\n5,6,10\n"));
        files.add(Files.writeString(dir.resolve("text.csv"), "x1,x2,label\nabc,def,ghi\n"));
        files.add(Files.writeString(dir.resolve("model.json"), "{\"format\":\"backprop-lab-model\",\"version\":1}"));
        files.add(Files.writeString(dir.resolve("array.json"), "[1,2,3]"));
        files.add(Files.writeString(dir.resolve("truncated.json"), "{\"preset\":\"mnist-mlp\",\"parameters\":{\"W0\":[[1,"));
        files.add(Files.write(dir.resolve("latin1.csv"), "x1,x2,label\n\u00e9,1,0\n".getBytes(StandardCharsets.ISO_8859_1)));
        files.add(dir.resolve("missing.json"));
        files.add(dir.resolve("folder"));
        Files.createDirectories(dir.resolve("folder"));
        return files;
    }

    @Test
    void randomClicksAndKeysOverEveryTabBreakNothing(FxRobot robot, @TempDir Path dir) throws Exception {
        long seed = Long.getLong("soak.seed", 10);
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "1.25"));
        long logNanos = TimeUnit.SECONDS.toNanos(Long.getLong("soak.logSeconds", minutes > 5 ? 60 : 15));
        Path log = System.getProperty("soak.log") == null ? null : Path.of(System.getProperty("soak.log"));
        SplittableRandom r = new SplittableRandom(seed);
        List<Path> bad = badFiles(dir);
        ui.pngAnswer = dir.resolve("window.png");
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextLog = start;
        List<long[]> heap = new ArrayList<>();
        int actions = 0;
        say(log, String.format(Locale.ROOT, "soak seed=%d minutes=%.2f", seed, minutes));
        while (System.nanoTime() < end) {
            act(robot, r, bad);
            actions++;
            if (actions % 10 == 0) {
                responds();
            }
            if (System.nanoTime() >= nextLog) {
                long mb = heapAfterGc();
                long second = (System.nanoTime() - start) / 1_000_000_000L;
                heap.add(new long[] {second, mb});
                say(log, String.format(Locale.ROOT, "soak t=%ds actions=%d heapAfterGcMB=%d uncaught=%d notices=%s",
                        second, actions, mb, uncaught.size(), notices));
                nextLog += logNanos;
            }
        }
        responds();
        long mb = heapAfterGc();
        long second = (System.nanoTime() - start) / 1_000_000_000L;
        heap.add(new long[] {second, mb});
        say(log, String.format(Locale.ROOT, "soak end t=%ds actions=%d missed=%d heapAfterGcMB=%d uncaught=%d notices=%s %s",
                second, actions, missed, mb, uncaught.size(), notices, tenMinutes(heap)));
        assertEquals(List.of(), uncaught, "uncaught exceptions");
        for (String key : UNEXPECTED) {
            assertEquals(0, notices.getOrDefault(key, 0), key + ": a worker failed unexpectedly " + notices);
        }
        assertTrue(actions >= 20, "only " + actions + " actions");
        int stored = WaitForAsyncUtils.asyncFx(() -> FxToolkit.toolkitContext().getFiredEvents().size())
                .get(20, TimeUnit.SECONDS);
        assertTrue(stored < 20_000, stored + " events kept by TestFX since the last check");
    }

    @Test
    void anExceptionOnTheFxThreadIsCaughtByTheWatch() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        javafx.application.Platform.runLater(() -> {
            throw new IllegalStateException("thrown on purpose");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, uncaught.size(), "the soak would see it: " + uncaught);
        assertTrue(uncaught.get(0).contains("thrown on purpose"), uncaught.get(0));
        uncaught.clear();
    }

    /** Heap after collection: the mean of the first and of the last ten minutes (when the run is that long). */
    private static String tenMinutes(List<long[]> heap) {
        long last = heap.get(heap.size() - 1)[0];
        if (last < 1200) {
            return "";
        }
        double first = heap.stream().filter(h -> h[0] < 600).mapToLong(h -> h[1]).average().orElse(Double.NaN);
        double end = heap.stream().filter(h -> h[0] >= last - 600).mapToLong(h -> h[1]).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "heapAfterGcMB first10min=%.1f last10min=%.1f", first, end);
    }

    private static void say(Path log, String line) throws IOException {
        System.out.println(line);
        if (log != null) {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** The workers finish what is queued and the FX thread answers, each within its time. */
    private void responds() throws Exception {
        ui.settle();
        WaitForAsyncUtils.asyncFx(UiTestSupport::forgetFiredEvents).get(20, TimeUnit.SECONDS);
    }

    private void act(FxRobot robot, SplittableRandom r, List<Path> bad) {
        int kind = r.nextInt(100);
        if (kind < 12) {
            List<Node> inner = visibleIds(robot, "#digits-inside-tab", "#digits-structure-tab", "#digits-explain-tab");
            if (!inner.isEmpty() && r.nextInt(3) == 0) {
                clickSome(robot, r, inner); // the digits tab's own tabs, Why this class? among them
            } else {
                robot.clickOn(TABS[r.nextInt(TABS.length)]);
            }
        } else if (kind < 30) {
            KeyCode key = KEYS[r.nextInt(KEYS.length)];
            if (key == KeyCode.RIGHT && r.nextBoolean()) {
                robot.press(KeyCode.SHIFT).type(key).release(KeyCode.SHIFT);
            } else {
                robot.type(key);
            }
        } else if (kind < 60) {
            clickSome(robot, r, visible(robot, ButtonBase.class));
        } else if (kind < 72) {
            combo(robot, r);
        } else if (kind < 82) {
            List<Node> fields = visible(robot, TextField.class);
            if (!fields.isEmpty()) {
                robot.doubleClickOn(fields.get(r.nextInt(fields.size())));
                robot.push(KeyCode.CONTROL, KeyCode.A).write(TEXTS[r.nextInt(TEXTS.length)]).type(KeyCode.ENTER);
            }
        } else if (kind < 90) {
            Path file = r.nextInt(6) == 0 ? null : bad.get(r.nextInt(bad.size()));
            ui.csvAnswer = file;
            ui.modelAnswer = file;
            clickSome(robot, r, visibleIds(robot, "#import-csv", "#digits-load", "#export-csv", "#digits-save"));
        } else {
            // anywhere in the window: the graph, the maps, the curves, the drawing pad
            Bounds b = ui.window.root().localToScreen(ui.window.root().getBoundsInLocal());
            double x = b.getMinX() + 5 + r.nextDouble() * (b.getWidth() - 10);
            double y = b.getMinY() + 40 + r.nextDouble() * (b.getHeight() - 45);
            robot.moveTo(new javafx.geometry.Point2D(x, y));
            if (r.nextBoolean()) {
                robot.clickOn(MouseButton.PRIMARY);
            } else {
                robot.drag(MouseButton.PRIMARY).moveBy(r.nextDouble() * 60 - 30, r.nextDouble() * 60 - 30).drop();
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickSome(FxRobot robot, SplittableRandom r, List<Node> nodes) {
        if (!nodes.isEmpty()) {
            try {
                robot.clickOn(nodes.get(r.nextInt(nodes.size())));
            } catch (RuntimeException e) {
                // the control moved out of sight between looking and clicking (a new snapshot laid
                // the view out again): a person's click that misses, not a failure of the app
                if (!(e.getCause() instanceof org.testfx.service.locator.BoundsLocatorException)) {
                    throw e;
                }
                missed++;
            }
        }
    }

    /** Opens a combo box of the tab showing (language, lesson, preset, activation...) and picks an item. */
    private void combo(FxRobot robot, SplittableRandom r) {
        List<Node> boxes = visible(robot, ComboBox.class);
        if (boxes.isEmpty()) {
            return;
        }
        robot.clickOn(boxes.get(r.nextInt(boxes.size())));
        WaitForAsyncUtils.sleep(150, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> cells = robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow() != ui.stage)
                .filter(n -> ((javafx.scene.control.Labeled) n).getText() != null)
                .filter(SoakTest::insideItsScene).toList();
        if (cells.isEmpty()) {
            robot.type(KeyCode.ESCAPE);
        } else {
            robot.clickOn(cells.get(r.nextInt(cells.size())));
        }
    }

    /** A popup list's cells scrolled out of its view exist but cannot be clicked. */
    private static boolean insideItsScene(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= n.getScene().getWidth()
                && b.getMaxY() <= n.getScene().getHeight() && b.getHeight() > 2;
    }

    /** Enabled nodes of this type showing in the main window (not in a hidden tab or a popup). */
    private List<Node> visible(FxRobot robot, Class<?> type) {
        return robot.lookup(n -> type.isInstance(n) && !(n instanceof MenuButton && n.getParent() == null))
                .queryAll().stream().filter(this::showing).toList();
    }

    private List<Node> visibleIds(FxRobot robot, String... ids) {
        List<Node> out = new ArrayList<>();
        for (String id : ids) {
            robot.lookup(id).queryAll().stream().filter(this::showing).forEach(out::add);
        }
        return out;
    }

    private boolean showing(Node n) {
        if (n.getScene() == null || n.getScene().getWindow() != ui.stage || n.isDisabled()) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 2 && b.getHeight() > 2 && b.getMaxX() > 0 && b.getMaxY() > 0
                && b.getMinX() < n.getScene().getWidth() && b.getMinY() < n.getScene().getHeight();
    }
}
