package org.backproplab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.backproplab.session.Phrase;
import org.backproplab.session.PredictSession;
import org.backproplab.session.PredictSnapshot;
import org.backproplab.session.StepSession;

/**
 * The predict panel of the stepping tab: the toggle (in the step toolbar), the tolerance, and a
 * row per value asked with its field, Check, Hint and Reveal, and the feedback under it. Rows are
 * rebuilt only when the questions change (a new stage); answering updates their texts.
 */
final class PredictView {
    private final PredictSession predict;
    private final I18n i18n;
    private final ToggleButton toggle = new ToggleButton();
    private final VBox panel = new VBox(6);
    /** The panel in a scroll pane, so many questions with their feedback never push the inspector out. */
    private final javafx.scene.control.ScrollPane root = new javafx.scene.control.ScrollPane(panel);
    private final VBox rows = new VBox(8);
    private final Label none = new Label();
    private final List<RowNodes> shown = new ArrayList<>();
    private List<Phrase> prompts = List.of();
    /** Where the divider between the panel and the inspector starts. */
    private static final double DIVIDER = 0.7;

    private record RowNodes(Label prompt, TextField field, Button check, Button hint, Button reveal, Label feedback) {
    }

    /**
     * @param session the stepping tab's view-model (it writes the exercise sheets)
     * @param title   the lesson's title in the language shown
     */
    PredictView(StepSession session, I18n i18n, ExportDialogs dialogs, java.util.function.Supplier<String> title) {
        this.predict = session.predict();
        this.i18n = i18n;
        build();
        Button sheet = new Button();
        sheet.setId("predict-sheet");
        sheet.textProperty().bind(i18n.bind("predict.sheet"));
        Button key = new Button();
        key.setId("predict-key");
        key.textProperty().bind(i18n.bind("predict.key"));
        for (Button b : List.of(sheet, key)) {
            boolean answers = b == key;
            b.setOnAction(e -> dialogs.exercise(root.getScene().getWindow()).ifPresent(h -> session.exportExercise(
                    h.file(), h.iterations(), i18n.isChinese() ? "zh" : "en", answers, title.get())));
        }
        Button ask = new Button();
        ask.setId("predict-ask-selected");
        ask.textProperty().bind(i18n.bind("predict.askSelected"));
        ask.setTooltip(new Tooltip());
        ask.getTooltip().textProperty().bind(i18n.bind("predict.askSelected.tooltip"));
        ask.setOnAction(e -> predict.askSelected());
        HBox exports = new HBox(6, ask, sheet, key);
        panel.getChildren().add(exports);
        Label progress = new Label();
        progress.setId("predict-progress");
        progress.setWrapText(true);
        progress.getStyleClass().add("lesson-text");
        progress.textProperty().bind(Bindings.createStringBinding(() -> progressText(predict.progressProperty().get()),
                predict.progressProperty(), i18n.localeProperty()));
        Button resetProgress = new Button();
        resetProgress.setId("predict-progress-reset");
        resetProgress.textProperty().bind(i18n.bind("predict.progress.reset"));
        resetProgress.setOnAction(e -> predict.resetProgress());
        HBox progressRow = new HBox(6, progress, resetProgress);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        panel.getChildren().addAll(progressRow, teachersChoice());
        predict.snapshotProperty().addListener((o, a, s) -> show(s));
        i18n.localeProperty().addListener((o, a, b) -> show(predict.snapshotProperty().get()));
        show(predict.snapshotProperty().get());
    }

    /** The "Predict" toggle, for the step toolbar. */
    ToggleButton toggle() {
        return toggle;
    }

    /** The panel (shown while predict mode is on). */
    javafx.scene.control.ScrollPane root() {
        return root;
    }

    /**
     * The panel above {@code inspector} in a vertical split (each part clipped to its share, the
     * divider draggable) while predict mode is on; the inspector alone while it is off.
     */
    javafx.scene.Node above(javafx.scene.Node inspector) {
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane();
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setId("predict-split");
        Runnable place = () -> {
            if (predict.onProperty().get()) {
                split.getItems().setAll(root, inspector);
                split.setDividerPositions(DIVIDER);
            } else {
                split.getItems().setAll(inspector);
            }
        };
        predict.onProperty().addListener((o, a, on) -> place.run());
        place.run();
        return split;
    }

    private void build() {
        toggle.setId("predict-toggle");
        toggle.textProperty().bind(i18n.bind("predict.toggle"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.bind("predict.toggle.tooltip"));
        toggle.setTooltip(tip);
        toggle.setFocusTraversable(false);
        toggle.selectedProperty().addListener((o, a, on) -> predict.setOn(on));
        predict.onProperty().addListener((o, a, on) -> toggle.setSelected(on));

        Label title = new Label();
        title.textProperty().bind(i18n.bind("predict.title"));
        title.getStyleClass().add("stage-label");
        TextField digits = new TextField(String.valueOf(predict.digitsProperty().get()));
        digits.setId("predict-digits");
        digits.setPrefColumnCount(2);
        digits.setOnAction(e -> predict.setTolerance(digits.getText()));
        digits.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                predict.setTolerance(digits.getText());
            }
        });
        predict.digitsProperty().addListener((o, a, d) -> digits.setText(String.valueOf(d)));
        Label digitsLabel = new Label();
        digitsLabel.textProperty().bind(i18n.bind("predict.digits"));
        Label digitsError = new Label();
        digitsError.setId("predict-digits-error");
        digitsError.getStyleClass().add("edit-error");
        digitsError.textProperty().bind(Bindings.createStringBinding(() -> text(predict.toleranceErrorProperty().get()),
                predict.toleranceErrorProperty(), i18n.localeProperty()));
        FlowPane tolerance = new FlowPane(6, 4, digitsLabel, digits, digitsError);
        tolerance.setAlignment(Pos.CENTER_LEFT);
        none.setId("predict-none");
        none.setWrapText(true);
        none.getStyleClass().add("lesson-text");
        rows.setId("predict-questions");
        panel.getChildren().addAll(title, tolerance, none, rows);
        panel.setPadding(new Insets(4, 4, 8, 4));
        root.setId("predict-panel");
        root.getStyleClass().add("predict-panel");
        root.setFitToWidth(true);
        root.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);

    }

    /** The teacher's choice: which kinds of value are asked, and how many per stage (0: all). */
    private javafx.scene.control.TitledPane teachersChoice() {
        FlowPane kinds = new FlowPane(10, 4);
        for (org.backproplab.session.PredictKind k : org.backproplab.session.PredictKind.values()) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox();
            box.setId("predict-kind-" + k.id());
            box.textProperty().bind(i18n.bind(k.key()));
            box.setSelected(predict.choiceProperty().get().kinds().contains(k));
            box.setOnAction(e -> predict.setAsked(k, box.isSelected()));
            predict.choiceProperty().addListener((o, a, c) -> box.setSelected(c.kinds().contains(k)));
            kinds.getChildren().add(box);
        }
        TextField perStage = new TextField(String.valueOf(predict.choiceProperty().get().perStage()));
        perStage.setId("predict-per-stage");
        perStage.setPrefColumnCount(2);
        perStage.setOnAction(e -> predict.setPerStage(perStage.getText()));
        perStage.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                predict.setPerStage(perStage.getText());
            }
        });
        predict.choiceProperty().addListener((o, a, c) -> perStage.setText(String.valueOf(c.perStage())));
        Label perStageLabel = new Label();
        perStageLabel.textProperty().bind(i18n.bind("predict.perStage"));
        HBox count = new HBox(6, perStageLabel, perStage);
        count.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane();
        pane.setId("predict-choice");
        pane.textProperty().bind(i18n.bind("predict.choice"));
        pane.setContent(new VBox(6, kinds, count));
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    /** "This lesson: 5 of 8 right first time · missed: output delta 2, update 1". */
    private String progressText(org.backproplab.session.PredictProgress.Counts c) {
        StringBuilder s = new StringBuilder(i18n.get("predict.progress", c.rightFirst(), c.asked()));
        List<String> missed = new ArrayList<>();
        for (org.backproplab.session.PredictKind k : org.backproplab.session.PredictKind.values()) {
            if (c.missed(k) > 0) {
                missed.add(i18n.get(k.key()) + " " + c.missed(k));
            }
        }
        if (!missed.isEmpty()) {
            s.append(" \u00b7 ").append(i18n.get("predict.progress.missed", String.join(", ", missed)));
        }
        return s.toString();
    }

    private String text(Phrase p) {
        return p == null ? "" : p.format(i18n::get);
    }

    private void show(PredictSnapshot s) {
        root.setVisible(s.on());
        root.setManaged(s.on());
        none.setText(i18n.get(s.supported() ? "predict.none" : "predict.unsupported"));
        none.setVisible(s.rows().isEmpty());
        none.setManaged(s.rows().isEmpty());
        List<Phrase> newPrompts = s.rows().stream().map(PredictSnapshot.Row::prompt).toList();
        if (!newPrompts.equals(prompts)) {
            rebuild(s.rows().size());
            prompts = newPrompts;
        }
        for (int i = 0; i < s.rows().size(); i++) {
            PredictSnapshot.Row row = s.rows().get(i);
            RowNodes n = shown.get(i);
            n.prompt().setText(row.prompt().format(i18n::get));
            n.feedback().setText(String.join("\n", row.feedback().stream().map(this::text).toList()));
            n.feedback().setVisible(!row.feedback().isEmpty());
            n.feedback().setManaged(!row.feedback().isEmpty());
            n.feedback().getStyleClass().removeAll("predict-right", "predict-wrong");
            n.feedback().getStyleClass().add(row.status() == PredictSnapshot.Status.RIGHT ? "predict-right"
                    : "predict-wrong");
            boolean done = row.done();
            for (javafx.scene.Node c : List.of(n.field(), n.check(), n.hint(), n.reveal())) {
                c.setDisable(done);
            }
            n.check().setText(i18n.get("predict.check"));
            n.hint().setText(i18n.get("predict.hintButton"));
            n.reveal().setText(i18n.get("predict.reveal"));
        }
    }

    private void rebuild(int count) {
        rows.getChildren().clear();
        shown.clear();
        for (int i = 0; i < count; i++) {
            int index = i;
            Label prompt = new Label();
            prompt.setId("predict-prompt-" + i);
            prompt.setMinWidth(120);
            TextField field = new TextField();
            field.setId("predict-answer-" + i);
            field.setPrefColumnCount(8);
            field.setOnAction(e -> predict.answer(index, field.getText()));
            Button check = new Button();
            check.setId("predict-check-" + i);
            check.setOnAction(e -> predict.answer(index, field.getText()));
            Button hint = new Button();
            hint.setId("predict-hint-" + i);
            hint.setOnAction(e -> predict.hint(index));
            Button reveal = new Button();
            reveal.setId("predict-reveal-" + i);
            reveal.setOnAction(e -> predict.reveal(index));
            Label feedback = new Label();
            feedback.setId("predict-feedback-" + i);
            // the feedback grows downwards line by line instead of ending in "..."
            ViewParts.wrapped(feedback);
            HBox line = new HBox(6, prompt, field, check, hint, reveal);
            line.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(new VBox(2, line, feedback));
            shown.add(new RowNodes(prompt, field, check, hint, reveal, feedback));
        }
    }
}
