package org.backproplab.ui;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks where to export; the app shows file choosers, tests answer directly. */
public interface ExportDialogs {
    /** Where to write the PNG, suggesting {@code name} (what the picture shows), or empty when cancelled. */
    Optional<Path> pngFile(Window owner, String name);

    /** Where to write the handout and how many iterations it covers, or empty when cancelled. */
    Optional<Handout> handout(Window owner);

    /**
     * Where to write an exercise sheet or its key (.md or .html) and how many iterations it covers,
     * or empty when cancelled; the handout's dialog unless an implementation asks its own way.
     */
    default Optional<Handout> exercise(Window owner) {
        return handout(owner);
    }

    /** A CSV file of points to import, or empty when cancelled. */
    Optional<Path> csvToOpen(Window owner);

    /** Where to export the points as CSV, or empty when cancelled. */
    Optional<Path> csvToSave(Window owner);

    /** Where to export the loss curves' runs as CSV, or empty when cancelled. */
    Optional<Path> curvesCsvToSave(Window owner);

    /** A saved model to load, or empty when cancelled. */
    Optional<Path> modelToOpen(Window owner);

    /** Where to save the model, or empty when cancelled. */
    Optional<Path> modelToSave(Window owner);

    /** An experiment file to open, or empty when cancelled. */
    Optional<Path> experimentToOpen(Window owner);

    /** Where to save the experiment, or empty when cancelled. */
    Optional<Path> experimentToSave(Window owner);

    /** Where to save a program shown as code ({@code name} offered), or empty when cancelled. */
    Optional<Path> codeToSave(Window owner, String name);

    /** Whether to save a model holding NaN or infinite values (it cannot be loaded again) to {@code file}. */
    boolean confirmNonFiniteSave(Window owner, Path file);

    /** Whether to go on with an import; {@code header} asks, {@code text} says what the file holds. */
    boolean confirmImport(Window owner, String header, String text);

    record Handout(Path file, int iterations) {
    }
}
