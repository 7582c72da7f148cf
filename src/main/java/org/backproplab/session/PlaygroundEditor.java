package org.backproplab.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.backproplab.data.DataPoint;
import org.backproplab.engine.ImmutableMatrix;
import org.backproplab.engine.Parameter;
import org.backproplab.lesson.Lesson;

/**
 * Typing a weight or a bias of the playground's network, as TensorFlow Playground lets one do
 * (and more: every bias, the output's included). {@link #select} an edge or a bias (a click in
 * the graph); {@link #edit} sets it to the number typed: a refused text changes nothing and says
 * what was wrong in {@link #errorProperty()}; an accepted one is set in the network on the worker,
 * and training goes on from it. FX thread only.
 */
public final class PlaygroundEditor {
    private final Consumer<Consumer<PlaygroundTraining>> worker;
    private final Supplier<PlaygroundSnapshot> latest;
    private final PlaygroundSetup setup;
    private final Consumer<Notice> say;
    private final ReadOnlyObjectWrapper<GraphItem> selection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Phrase> title = new ReadOnlyObjectWrapper<>(Phrase.EMPTY);
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Phrase> error = new ReadOnlyObjectWrapper<>();

    /**
     * @param worker runs a change of the engine on the worker thread, then publishes a snapshot
     * @param latest the snapshot shown now (the values a selection starts from)
     * @param setup  whose chosen point (Shift+click on the map) the neurons' tooltips give their outputs for
     * @param say    shows a notice
     */
    PlaygroundEditor(Consumer<Consumer<PlaygroundTraining>> worker, Supplier<PlaygroundSnapshot> latest,
            PlaygroundSetup setup, Consumer<Notice> say) {
        this.worker = worker;
        this.latest = latest;
        this.setup = setup;
        this.say = say;
        setup.chosenPointProperty().addListener((o, a, b) -> {
            DataPoint p = b == null ? null : setup.chosenDataPoint();
            worker.accept(t -> t.choose(p));
        });
    }

    /**
     * The network and the chosen point as a lesson for the stepping window (every stage of one iteration on
     * it, with the playground's optimizer and learning rate); empty, with a notice, when no point is chosen.
     */
    public CompletableFuture<Optional<Lesson>> lessonForChosenPoint() {
        CompletableFuture<Optional<Lesson>> out = new CompletableFuture<>();
        if (setup.chosenPointProperty().get() == null) {
            say.accept(new Notice("pg.choosePoint", List.of(), false));
            out.complete(Optional.empty());
            return out;
        }
        DataPoint point = setup.chosenDataPoint();
        worker.accept(t -> {
            try {
                out.complete(Optional.of(t.lessonFor(point)));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** The weight or bias being edited, or null. */
    public ReadOnlyObjectProperty<GraphItem> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** What is edited, as its tooltip names it ("w3 (X₁ → h1_3)", "b_o1"). */
    public ReadOnlyObjectProperty<Phrase> titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The selected value, all its digits, when it was selected or last set. */
    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Why the text typed last was refused, or null. */
    public ReadOnlyObjectProperty<Phrase> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Selects a weight or a bias the network has (a click on its edge or its square); anything
     * else (a neuron, a bias switched off, nothing) clears the selection. Returns whether one is
     * selected.
     */
    public boolean select(GraphItem item) {
        PlaygroundSnapshot s = latest.get();
        Double v = s == null || item == null ? null : valueOf(s, item);
        error.set(null);
        if (v == null) {
            clear();
            return false;
        }
        selection.set(item);
        title.set(name(s.graph().tip(item)));
        value.set(Numbers.exact(v));
        return true;
    }

    /** Nothing selected (the network was built again). */
    public void clear() {
        selection.set(null);
        title.set(Phrase.EMPTY);
        value.set("");
        error.set(null);
    }

    /**
     * Sets the selected weight or bias to the number typed. Refused (nothing changes, the reason
     * in {@link #errorProperty()}) unless it is a finite number of magnitude at most
     * {@link NumberInput#LIMIT}. Returns whether it was taken.
     */
    public boolean edit(String text) {
        GraphItem item = selection.get();
        if (item == null) {
            return false;
        }
        NumberInput.Result r = NumberInput.parameter(text);
        if (!r.ok()) {
            String typed = text == null ? "" : text.strip();
            error.set(Phrase.of("\u201c" + typed + "\u201d: ").thenKey(r.errorKey(),
                    String.valueOf((long) NumberInput.LIMIT)));
            return false;
        }
        error.set(null);
        double v = r.value();
        value.set(Numbers.exact(v));
        String name = item.kind() == GraphItem.Kind.WEIGHT ? Parameter.weightsName(item.layer())
                : Parameter.biasName(item.layer());
        int col = item.kind() == GraphItem.Kind.WEIGHT ? item.col() : 0;
        worker.accept(t -> t.setParameter(name, item.row(), col, v));
        return true;
    }

    /** The value of a weight or a shown bias in the snapshot, or null when it has none such. */
    static Double valueOf(PlaygroundSnapshot s, GraphItem item) {
        if (!item.isIn(s.graph().layerSizes())) {
            return null;
        }
        return switch (item.kind()) {
            case WEIGHT -> s.parameters().get(Parameter.weightsName(item.layer())).get(item.row(), item.col());
            case BIAS -> {
                ImmutableMatrix b = s.parameters().get(Parameter.biasName(item.layer()));
                boolean shown = s.graph().biases().get(item.layer()).get(item.row()).visible();
                yield b != null && shown ? b.get(item.row(), 0) : null;
            }
            default -> null;
        };
    }

    /** A tooltip's first part, before " = value" ("w3 (X₁ → h1_3) = 0.25" gives "w3 (X₁ → h1_3)"). */
    private static Phrase name(Phrase tip) {
        List<Phrase.Part> parts = tip.parts();
        if (parts.isEmpty() || parts.get(0).literal() == null) {
            return Phrase.EMPTY;
        }
        String first = parts.get(0).literal();
        int eq = first.indexOf(" = ");
        return Phrase.of(eq < 0 ? first : first.substring(0, eq));
    }
}
