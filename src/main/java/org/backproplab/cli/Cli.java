package org.backproplab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.backproplab.data.Excerpt;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The headless commands of the jar: trace, train, bench, evaluate, explain and summary. */
@Command(name = "backprop-lab", mixinStandardHelpOptions = true, version = "Backprop Lab 0.1",
        description = "Backprop Lab without a window: step through or train a preset and print the numbers.%n"
                + "Run with no arguments to open the desktop app.",
        subcommands = {TraceCommand.class, TrainCommand.class, BenchCommand.class, EvaluateCommand.class,
                ExplainCommand.class, SummaryCommand.class, ExportCodeCommand.class, ExerciseCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    /** Exit code for bad input (unknown preset, malformed number, ...). */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line and returns the exit code. Errors in the input print one line on
     * {@code err} and give exit code 2, never a stack trace.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Cli());
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        cl.setOut(outWriter);
        cl.setErr(errWriter);
        cl.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandName();
            errWriter.println("backprop-lab: " + firstLine(ex.getMessage()) + " (try '"
                    + (command.equals("backprop-lab") ? "" : "backprop-lab ") + command + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandLine.IExitCodeGenerator generator) {
                return generator.getExitCode();
            }
            if (ex instanceof IllegalArgumentException) {
                errWriter.println("backprop-lab " + commandLine.getCommandName() + ": " + firstLine(ex.getMessage()));
                return USAGE;
            }
            errWriter.println("backprop-lab " + commandLine.getCommandName() + ": failed: " + firstLine(String.valueOf(ex)));
            return 1;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            errWriter.println("backprop-lab: not enough memory (" + e.getMessage() + "); give Java more, e.g. "
                    + "java -Xmx1g -jar backprop-lab.jar ..., or use fewer digits (--limit)");
            code = 1;
        }
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** The first line of a message, every long word in it (a value the user typed) shortened. */
    private static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int nl = message.indexOf('\n');
        return Excerpt.words((nl < 0 ? message : message.substring(0, nl)).trim());
    }
}
