package org.backproplab.session;

import java.util.List;
import org.backproplab.session.DigitsSnapshot.Picture;

/**
 * What the digits tab's "Numbers inside" view shows, ready to draw: the chosen layer's input (one
 * channel, the window of the chosen cell framed) and output map (the cell framed), the window and
 * the kernel as grids of numbers with their colours, and the inspector for the cell, kernel weight
 * or bias chosen.
 *
 * @param layers     every convolution and pooling layer, as the layer chooser names them
 * @param layer      the chosen one's position in {@code layers}
 * @param conv       whether it is a convolution (it has a kernel and a bias)
 * @param maps       its output maps; {@code map} the one shown
 * @param channels   its input channels; {@code channel} the one shown (a pooling map reads its own channel)
 * @param y          the chosen cell's row in the output map
 * @param x          its column
 * @param outHeight  the output map's height, for a click on {@code output}
 * @param outWidth   its width
 * @param inHeight   the input map's height, for a click on {@code input}
 * @param inWidth    its width
 * @param input      the input channel, enlarged, the window framed
 * @param output     the output map, enlarged, the cell framed
 * @param size       the window's side (kernel or pooling size)
 * @param window     the window's values, row by row (0 in the padding)
 * @param windowArgb the colour behind each
 * @param winner     for a pooling cell, the window position that won; -1 otherwise
 * @param weights    the kernel W[map][channel] row by row (empty for pooling)
 * @param weightArgb the colour behind each
 * @param bias       the filter's bias ("" for pooling)
 * @param chosen     which kernel weight is selected (i k + j), -1 for none, -2 for the bias
 * @param digit      which digit went through the network and against which target
 * @param inspector  the sums written out for what is selected
 */
public record DigitsCellsSnapshot(List<Phrase> layers, int layer, boolean conv, int maps, int map, int channels,
        int channel, int y, int x, int outHeight, int outWidth, int inHeight, int inWidth, Picture input,
        Picture output, int size, List<String> window, List<Integer> windowArgb, int winner, List<String> weights,
        List<Integer> weightArgb, String bias, int chosen, Phrase digit, InspectorSnapshot inspector, long version) {

    public DigitsCellsSnapshot {
        layers = List.copyOf(layers);
        window = List.copyOf(window);
        windowArgb = List.copyOf(windowArgb);
        weights = List.copyOf(weights);
        weightArgb = List.copyOf(weightArgb);
    }

    /** The view when the network has no convolution (the MLP): nothing to look into, and why. */
    static DigitsCellsSnapshot none(Phrase why, long version) {
        Picture blank = new Picture(1, 1, new int[] {0xFFFFFFFF});
        return new DigitsCellsSnapshot(List.of(), 0, false, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, blank, blank, 0, List.of(),
                List.of(), -1, List.of(), List.of(), "", -1, why, null, version);
    }

    public boolean empty() {
        return layers.isEmpty();
    }
}
