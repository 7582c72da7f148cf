package org.backproplab.session;

/**
 * What the stepping tab draws, ready to show (built on the worker with each snapshot).
 *
 * @param sample      which sample of the batch the graph shows
 * @param sampleCount how many samples the lesson has (the sample chooser shows when more than one)
 * @param selection   what is selected in the graph, or null
 * @param graph       the network graph
 * @param inspector   the inspector's title, chain-rule lines and table
 * @param stage       "Iteration 1 · forward pass through the hidden layer 1"
 * @param lessonText  the lesson's text (or the playground point's)
 * @param lessonTitle the lesson's title (for the handout)
 * @param lessonId    the lesson the picker shows, or null for a playground point
 * @param biasMode    the bias mode's id (none, frozen, trained)
 * @param learningRate the learning rate as the field shows it
 * @param maps        for a network with maps (convolution, pooling) the grids drawn instead of the
 *                    graph (then {@code graph} is null); null for a dense network
 * @param optimizer   the optimizer's id (sgd, momentum, adam)
 * @param runs        the loss curve's runs, kept ones first, the current one last ({@link CurveRuns})
 */
public record StepScreen(int sample, int sampleCount, GraphItem selection, GraphSnapshot graph,
        InspectorSnapshot inspector, Phrase stage, Phrase lessonText, Phrase lessonTitle, String lessonId,
        String biasMode, String learningRate, MapGraphSnapshot maps, String optimizer,
        java.util.List<CurveRuns.Run> runs) {
}
