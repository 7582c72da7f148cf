package org.backproplab.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;

/**
 * A tab whose view is built the first time it is needed: when the tab is first selected, or when
 * the window asks for the view (a shortcut, a dropped file, a test). The window then starts with
 * only the tab it shows: no nodes, styles or sessions for the others (issue 15: the window appears
 * sooner).
 */
final class LazyTab<V> {
    private final Tab tab;
    private final Supplier<V> build;
    private final Function<V, Node> root;
    private final Consumer<V> whenBuilt;
    private V view;

    LazyTab(Tab tab, Supplier<V> build, Function<V, Node> root, Consumer<V> whenBuilt) {
        this.tab = tab;
        this.build = build;
        this.root = root;
        this.whenBuilt = whenBuilt;
        tab.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                view();
            }
        });
    }

    /** The view, built now if it was not yet. */
    V view() {
        if (view == null) {
            // nodes of a showing window are built and attached on the FX thread only
            if (!javafx.application.Platform.isFxApplicationThread()) {
                throw new IllegalStateException("a tab is built on the JavaFX thread, not on "
                        + Thread.currentThread().getName());
            }
            view = build.get();
            tab.setContent(root.apply(view));
            whenBuilt.accept(view);
        }
        return view;
    }

    /** Runs {@code action} on the view only if it has been built (a setting it will read when built). */
    void ifBuilt(Consumer<V> action) {
        if (view != null) {
            action.accept(view);
        }
    }

    /** The view if it has been built. */
    java.util.Optional<V> built() {
        return java.util.Optional.ofNullable(view);
    }
}
