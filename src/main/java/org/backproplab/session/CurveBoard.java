package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.io.AtomicFiles;

/**
 * The view-model of a loss chart with runs (FX thread): the smoothing weight and the log scale
 * the learner chose, the runs of the newest snapshot, and from them the {@link CurvePlot.Chart}
 * to draw, computed again whenever one of them changes (a few thousand points: microseconds).
 * Clearing the runs and writing the CSV file happen on the session's worker.
 */
public final class CurveBoard {
    private final ReadOnlyDoubleWrapper smoothing = new ReadOnlyDoubleWrapper(this, "smoothing", 0);
    private final ReadOnlyBooleanWrapper logScale = new ReadOnlyBooleanWrapper(this, "logScale", false);
    private final ReadOnlyObjectWrapper<CurvePlot.Chart> chart =
            new ReadOnlyObjectWrapper<>(this, "chart", CurvePlot.Chart.EMPTY);
    private final Executor worker;
    private final Consumer<Notice> notices;
    private final Runnable clearOnWorker;
    private final String xName;
    private List<CurveRuns.Run> runs = List.of();

    /**
     * @param worker        the session's worker (writes the file)
     * @param notices       where a message for the window goes (from any thread)
     * @param clearOnWorker asks the worker to forget the kept runs (and publish)
     * @param xName         the CSV's x column: "epoch" or "iteration"
     */
    CurveBoard(Executor worker, Consumer<Notice> notices, Runnable clearOnWorker, String xName) {
        this.worker = worker;
        this.notices = notices;
        this.clearOnWorker = clearOnWorker;
        this.xName = xName;
    }

    /** FX thread: the runs of a new snapshot. */
    void show(List<CurveRuns.Run> newRuns) {
        runs = List.copyOf(newRuns);
        recompute();
    }

    public ReadOnlyObjectProperty<CurvePlot.Chart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty smoothingProperty() {
        return smoothing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty logScaleProperty() {
        return logScale.getReadOnlyProperty();
    }

    /** The runs shown, kept ones first, the current one last. */
    public List<CurveRuns.Run> runs() {
        return runs;
    }

    /** TensorBoard's smoothing weight, 0 (none) to 0.99; another value changes nothing and says so. */
    public boolean setSmoothing(double weight) {
        if (!(weight >= 0 && weight <= CurvePlot.MAX_SMOOTHING)) {
            notices.accept(new Notice("curves.error.smoothing", List.of(String.valueOf(weight)), true));
            return false;
        }
        smoothing.set(weight);
        recompute();
        return true;
    }

    public void setLogScale(boolean on) {
        logScale.set(on);
        recompute();
    }

    /** Forgets the kept runs; the one training goes on alone. */
    public void clearRuns() {
        clearOnWorker.run();
    }

    /**
     * Writes every run shown to {@code file} as CSV (run, x, train loss, test loss), the labels in the
     * language {@code translate} gives; the file is replaced whole or not at all, and a failure is said.
     */
    public void exportCsv(Path file, Phrase.Translator translate) {
        List<CurveRuns.Run> all = runs;
        List<String> labels = CurveRuns.labels(all).stream().map(p -> p.format(translate)).toList();
        worker.execute(() -> {
            try {
                AtomicFiles.writeString(file, csv(all, labels, xName));
                notices.accept(new Notice("notice.exported", List.of(file.getFileName().toString()), false));
            } catch (IOException | RuntimeException e) {
                notices.accept(new Notice("notice.exportFailed", List.of(file.toString(), String.valueOf(e.getMessage())),
                        true));
            }
        });
    }

    /**
     * The CSV text: a header {@code run,<xName>,train_loss,test_loss}, then one row per x of each run
     * (the runs in order); a loss not measured at that x is left empty; labels are quoted when needed.
     */
    static String csv(List<CurveRuns.Run> runs, List<String> labels, String xName) {
        StringBuilder sb = new StringBuilder("run,").append(xName).append(",train_loss,test_loss\n");
        for (int r = 0; r < runs.size(); r++) {
            Map<Long, double[]> rows = new TreeMap<>();
            put(rows, runs.get(r).train(), 0);
            put(rows, runs.get(r).test(), 1);
            String label = quote(labels.get(r));
            for (Map.Entry<Long, double[]> e : rows.entrySet()) {
                sb.append(label).append(',').append(e.getKey()).append(',').append(value(e.getValue()[0])).append(',')
                        .append(value(e.getValue()[1])).append('\n');
            }
        }
        return sb.toString();
    }

    private static void put(Map<Long, double[]> rows, LossHistory.Curve c, int column) {
        for (int i = 0; i < c.size(); i++) {
            double[] row = rows.computeIfAbsent(c.iterations()[i], k -> new double[] {Double.NaN, Double.NaN});
            row[column] = c.losses()[i];
        }
    }

    /** A loss as Java writes it (exact when read back); NaN (not measured, or a diverged loss) as an empty field. */
    private static String value(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private void recompute() {
        chart.set(runs.isEmpty() ? CurvePlot.Chart.EMPTY : CurvePlot.runs(runs, smoothing.get(), logScale.get()));
    }
}
