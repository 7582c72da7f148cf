package org.backproplab.session;

import java.util.List;

/**
 * The forward and backward flow of the network shown, as a diagram: what each stage computes,
 * what the forward pass caches for the backward pass, and which part the current stage is.
 *
 * @param nodes every quantity, placed on a grid
 * @param edges what each is computed from (ids of nodes)
 * @param stage what the current stage does, in words
 */
public record StepFlowSnapshot(List<Node> nodes, List<Edge> edges, Phrase stage) {
    public StepFlowSnapshot {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** Not computed yet in this iteration, computed by an earlier stage, computed by the current one, or read from the cache by it. */
    public enum State { WAITING, DONE, LIT, READ }

    /**
     * One quantity.
     *
     * @param id      "Z1", "dW2", "cache1", "E", "update1" (layers counted from 1)
     * @param formula "Z[1] = W[1] A[0] + b[1]"
     * @param shape   "[2, m]", or "" when it has none
     * @param column  0 for the input, 2l-1 and 2l for layer l's two columns, 2L+1 for the loss
     * @param row     0 forward, 1 the cache, 2 dA and dZ, 3 dW and db, 4 the update
     */
    public record Node(String id, String formula, String shape, int column, int row, State state) {
    }

    /** An arrow from one quantity to one computed from it. */
    public record Edge(String from, String to, boolean lit) {
    }

    public Node node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** The ids of the nodes the current stage computes, in order. */
    public List<String> lit() {
        return nodes.stream().filter(n -> n.state() == State.LIT).map(Node::id).toList();
    }
}
