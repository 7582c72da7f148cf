package org.backproplab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;

/**
 * Starts the JavaFX application; kept apart so that the headless commands never load JavaFX.
 * On Linux it first checks what JavaFX needs for a real window (a display and GTK 3) and says
 * how to get it, instead of letting JavaFX fail with a stack trace.
 */
public final class DesktopLauncher {
    private static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/usr/local/lib");

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        String problem = missingRequirement();
        if (problem != null) {
            System.err.println("backprop-lab: " + problem);
            System.exit(1);
        }
        try {
            // -Dbackproplab.fpsCeiling=true: bench --window's yardstick, a nearly empty window, instead of the app
            Application.launch(Boolean.getBoolean("backproplab.fpsCeiling") ? FrameCeiling.class : BackpropLabApp.class, args);
        } catch (RuntimeException e) {
            System.err.println("backprop-lab: the window could not be opened: " + e.getMessage()
                    + ". The headless commands still work: java -jar backprop-lab.jar --help");
            System.exit(1);
        }
    }

    /** Why a window cannot open here, or null when nothing is known to be missing. */
    static String missingRequirement() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || "Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            return "no graphical display (DISPLAY is not set). Start it from a desktop session, or under "
                    + "Xvfb (xvfb-run java -jar target/backprop-lab.jar); the headless commands need none: "
                    + "java -jar target/backprop-lab.jar --help";
        }
        boolean gtk = LIBRARY_DIRS.stream().anyMatch(d -> Files.exists(Path.of(d, "libgtk-3.so.0")));
        if (!gtk) {
            return "JavaFX needs GTK 3 for a window and it is not installed. On Debian or Ubuntu: "
                    + "sudo apt-get install -y libgtk-3-0 fonts-noto-cjk";
        }
        return null;
    }
}
