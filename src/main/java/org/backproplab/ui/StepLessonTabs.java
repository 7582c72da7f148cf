package org.backproplab.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.backproplab.session.StepLessons;
import org.backproplab.session.StepSession;

/**
 * The stepping tab's centre as inner tabs: the network (graph or maps), the same stage as
 * matrices over the batch ({@link StepMatrixView}), the forward and backward flow
 * ({@link FlowView}), and epoch, batch and iteration ({@link EpochBatchView}). A view is redrawn
 * at most once a frame, and only while its tab is the one showing; the matrices with the values
 * predict mode still asks for as "?" (masked by the session), redrawn when an answer comes too.
 */
final class StepLessonTabs {
    private final TabPane root = new TabPane();
    private final Node epochs;
    private final Tab matricesTab;
    private final Tab flowTab;
    private final StepMatrixView matrices;
    private final FlowView flow;
    private final StepLessons lessons;
    /** Hides in the matrices what predict mode still asks for. */
    private final org.backproplab.session.PredictSession predict;
    private boolean matricesDirty = true;
    private boolean flowDirty = true;

    StepLessonTabs(StepSession session, I18n i18n, Node network) {
        lessons = new StepLessons(session);
        predict = session.predict();
        matrices = new StepMatrixView(i18n);
        flow = new FlowView(i18n);
        EpochBatchView epochView = new EpochBatchView(i18n, "step-epochs", lessons.epochsProperty());
        epochs = epochView.root();
        ScrollPane epochsScroll = new ScrollPane(epochs);
        epochsScroll.setFitToWidth(true);
        root.setId("step-views");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab networkTab = tab("step-tab-network", "step.views.network", network, i18n);
        // the hidden tabs' nodes join the window (styles, layout) the first time their tab is opened
        matricesTab = tab("step-tab-matrices", "step.views.matrices", null, i18n);
        flowTab = tab("step-tab-flow", "step.views.flow", null, i18n);
        Tab epochsTab = tab("step-tab-epochs", "step.views.epochs", null, i18n);
        attachWhenOpened(matricesTab, matrices.root());
        attachWhenOpened(flowTab, flow.root());
        attachWhenOpened(epochsTab, epochsScroll);
        root.getTabs().setAll(networkTab, matricesTab, flowTab, epochsTab);
        lessons.matricesProperty().addListener((o, a, b) -> matricesDirty = true);
        predict.snapshotProperty().addListener((o, a, b) -> matricesDirty = true);
        lessons.flowProperty().addListener((o, a, b) -> flowDirty = true);
        i18n.localeProperty().addListener((o, a, b) -> {
            matricesDirty = true;
            flowDirty = true;
        });
        root.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> render());
        new FrameTimer(root, now -> render());
    }

    /** "Save picture as PNG…" on the matrices, the flow and the epochs (each whole, also what is scrolled away). */
    void offerPng(I18n i18n, ExportDialogs dialogs, java.util.function.Consumer<org.backproplab.session.Notice> say) {
        PngMenu.install(matrices.root().getContent(), i18n, dialogs, say);
        PngMenu.install(flow.root().getContent(), i18n, dialogs, say);
        PngMenu.install(epochs, i18n, dialogs, say);
    }

    TabPane root() {
        return root;
    }

    private void render() {
        Tab showing = root.getSelectionModel().getSelectedItem();
        if (showing == matricesTab && matricesDirty) {
            matricesDirty = false;
            matrices.show(predict.matrices(lessons.matricesProperty().get()));
        } else if (showing == flowTab && flowDirty) {
            flowDirty = false;
            flow.show(lessons.flowProperty().get());
        }
    }

    private static void attachWhenOpened(Tab tab, Node content) {
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected && tab.getContent() == null) {
                tab.setContent(content);
            }
        });
    }

    private static Tab tab(String id, String key, Node content, I18n i18n) {
        Tab t = new Tab();
        t.setId(id);
        t.textProperty().bind(i18n.bind(key));
        // the whole name and what the view shows (the tabs' own names are short, to fit a 1280 x 800 projector)
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(i18n.bind(key + ".tip"));
        t.setTooltip(tip);
        t.setContent(content);
        return t;
    }
}
