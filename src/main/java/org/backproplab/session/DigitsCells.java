package org.backproplab.session;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.engine.Network;
import org.backproplab.session.DigitsCellsWork.Choice;
import org.backproplab.session.DigitsCellsWork.Pass;

/**
 * The digits tab's "Numbers inside" view-model: the inspector of the convolution worked example
 * on the digits network, for the digit shown. A person chooses a convolution or pooling layer, a
 * map, an input channel, a cell (its window, kernel, products, sum, bias, z and a, then its delta)
 * and a kernel weight or the bias (its gradient as a sum over the map's cells, beside a
 * finite-difference estimate). Each command is checked against what is shown; a refused one
 * changes nothing and says why in {@link #inputErrorProperty()}.
 */
public final class DigitsCells {
    /** While training, the numbers follow at most this often. */
    private static final long TRAINING_NANOS = 500_000_000L;

    private final Runnable refresh;
    private final Executor worker;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<DigitsCellsSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<Notice> inputError = new ReadOnlyObjectWrapper<>(this, "inputError");
    private volatile boolean active;
    private volatile Choice current = Choice.FIRST;
    private volatile long lastNanos = Long.MIN_VALUE;
    // worker thread only
    private Pass pass;
    private long version;

    /**
     * @param refresh asks the digits worker to look at the digit again (and so call {@link #look})
     * @param worker  the digits worker, which shows another cell of the digit already run
     */
    DigitsCells(Runnable refresh, Executor worker, Executor fx) {
        this.refresh = refresh;
        this.worker = worker;
        this.fx = fx;
    }

    public ReadOnlyObjectProperty<DigitsCellsSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> inputErrorProperty() {
        return inputError.getReadOnlyProperty();
    }

    // ---- commands (FX thread) ---------------------------------------------------------------

    /** The view is shown (the digit is run through the network) or hidden (nothing is computed for it). */
    public void setActive(boolean on) {
        active = on;
        if (on) {
            lastNanos = Long.MIN_VALUE;
            refresh.run();
        }
    }

    /** The convolution or pooling layer, by its position in the chooser (0: the first). */
    public void chooseLayer(int position) {
        DigitsCellsSnapshot s = shown();
        if (s == null || position < 0 || position >= s.layers().size()) {
            refuse("cells.error.layer", position + 1, s == null ? 0 : s.layers().size());
            return;
        }
        set(new Choice(position, 0, 0, -1, -1, -1));
    }

    /** The output map (a convolution's filter, a pooling layer's channel), 0 to maps - 1. */
    public void chooseMap(int map) {
        DigitsCellsSnapshot s = shown();
        if (s == null || map < 0 || map >= s.maps()) {
            refuse("cells.error.map", map + 1, s == null ? 0 : s.maps());
            return;
        }
        Choice c = current;
        set(new Choice(c.position(), map, c.channel(), -1, -1, c.chosen()));
    }

    /** The input channel whose window and kernel slice are shown (a convolution reads them all). */
    public void chooseChannel(int channel) {
        DigitsCellsSnapshot s = shown();
        if (s == null || !s.conv() || channel < 0 || channel >= s.channels()) {
            refuse("cells.error.channel", channel + 1, s == null || !s.conv() ? 1 : s.channels());
            return;
        }
        Choice c = current;
        set(new Choice(c.position(), c.map(), channel, c.y(), c.x(), c.chosen()));
    }

    /** A cell of the output map: its sum written out. */
    public void selectCell(int y, int x) {
        DigitsCellsSnapshot s = shown();
        if (s == null || y < 0 || x < 0 || y >= s.outHeight() || x >= s.outWidth()) {
            refuse("cells.error.cell", y, x, s == null ? 0 : s.outHeight(), s == null ? 0 : s.outWidth());
            return;
        }
        Choice c = current;
        set(new Choice(c.position(), c.map(), c.channel(), y, x, -1));
    }

    /** The arrow keys: the next cell in that direction, staying inside the map. */
    public void moveCell(int dy, int dx) {
        DigitsCellsSnapshot s = shown();
        if (s != null && !s.empty()) {
            Choice c = current;
            int y = Math.max(0, Math.min(s.outHeight() - 1, c.y() + dy));
            int x = Math.max(0, Math.min(s.outWidth() - 1, c.x() + dx));
            set(new Choice(c.position(), c.map(), c.channel(), y, x, -1));
        }
    }

    /** A cell of the layer's input: for a layer after the first, that cell of the layer before. */
    public void selectInputCell(int y, int x) {
        DigitsCellsSnapshot s = shown();
        if (s == null || s.layer() == 0 || y < 0 || x < 0 || y >= s.inHeight() || x >= s.inWidth()) {
            refuse("cells.error.input");
            return;
        }
        Choice c = current;
        set(new Choice(c.position() - 1, c.channel(), 0, y, x, -1));
    }

    /** Kernel weight (i, j) of the shown filter and channel: its gradient as a sum. */
    public void selectWeight(int i, int j) {
        DigitsCellsSnapshot s = shown();
        if (s == null || !s.conv() || i < 0 || j < 0 || i >= s.size() || j >= s.size()) {
            refuse("cells.error.weight", i, j, s == null || !s.conv() ? 0 : s.size());
            return;
        }
        Choice c = current;
        set(new Choice(c.position(), c.map(), c.channel(), c.y(), c.x(), i * s.size() + j));
    }

    /** The shown filter's bias: its gradient as the sum of the map's deltas. */
    public void selectBias() {
        DigitsCellsSnapshot s = shown();
        if (s == null || !s.conv()) {
            refuse("cells.error.bias");
            return;
        }
        Choice c = current;
        set(new Choice(c.position(), c.map(), c.channel(), c.y(), c.x(), -2));
    }

    /**
     * The snapshot a command is checked against: the one shown. Commands build on the latest choice,
     * so that two in quick succession both count; the worker brings a choice inside the shapes of
     * the layer it names.
     */
    private DigitsCellsSnapshot shown() {
        DigitsCellsSnapshot s = snapshot.get();
        return s == null || s.empty() ? null : s;
    }

    private void refuse(String key, Object... args) {
        inputError.set(new Notice(key, List.of(args), true));
    }

    private void set(Choice c) {
        inputError.set(null);
        current = c;
        worker.execute(this::reshow);
    }

    // ---- worker ------------------------------------------------------------------------------

    /** Digits worker: the digit shown, through a copy of {@code probe}; skipped while hidden or too soon. */
    void look(Network probe, double[] image, int label, int prediction, boolean training, long now) {
        if (!active || training && lastNanos != Long.MIN_VALUE && now - lastNanos < TRAINING_NANOS) {
            return;
        }
        lastNanos = now;
        pass = DigitsCellsWork.pass(probe, image, label, prediction);
        reshow();
    }

    private void reshow() {
        if (pass == null) {
            return;
        }
        Choice c = normalised(current, pass);
        current = c;
        DigitsCellsSnapshot s = DigitsCellsWork.show(pass, c, ++version);
        fx.execute(() -> snapshot.set(s));
    }

    /**
     * The choice inside the layer now shown (another network may have fewer layers or maps); a cell
     * not chosen yet is the map's strongest.
     */
    private static Choice normalised(Choice c, Pass p) {
        if (p.mapLayers().isEmpty()) {
            return c;
        }
        int position = Math.max(0, Math.min(c.position(), p.mapLayers().size() - 1));
        MapLayout.Shape shape = p.layout().layers().get(p.mapLayers().get(position));
        int[] out = shape.output();
        int map = Math.max(0, Math.min(c.map(), out[0] - 1));
        int channel = shape.isConv() ? Math.max(0, Math.min(c.channel(), shape.conv().channels() - 1)) : 0;
        int y = c.y();
        int x = c.x();
        if (y < 0 || x < 0 || y >= out[1] || x >= out[2]) {
            int best = DigitsCellsWork.strongest(p, p.mapLayers().get(position), map);
            y = best / out[2];
            x = best % out[2];
        }
        int size = shape.isConv() ? shape.conv().kernel() : 0;
        int chosen = c.chosen() >= size * size ? -1 : c.chosen();
        return new Choice(position, map, channel, y, x, chosen);
    }
}
