package org.backproplab;

import org.backproplab.cli.Cli;

/**
 * Entry point of the jar. With no arguments it opens the desktop app; with a sub-command it runs
 * headless. It does not extend Application, so that a shaded jar with JavaFX inside starts with
 * plain {@code java -jar}, and the headless commands never load JavaFX.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            org.backproplab.ui.DesktopLauncher.launch(args);
            return;
        }
        System.exit(Cli.run(args, System.out, System.err));
    }
}
