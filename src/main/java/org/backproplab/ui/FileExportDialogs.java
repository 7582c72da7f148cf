package org.backproplab.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The app's export dialogs: a file chooser, and for the handout the number of iterations. */
final class FileExportDialogs implements ExportDialogs {
    private final I18n i18n;

    FileExportDialogs(I18n i18n) {
        this.i18n = i18n;
    }

    @Override
    public Optional<Path> pngFile(Window owner, String name) {
        return choose(owner, name, "PNG", "*.png", i18n.get("png.savePicture").replace("\u2026", ""));
    }

    @Override
    public Optional<Handout> handout(Window owner) {
        TextInputDialog ask = new TextInputDialog("1");
        ask.initOwner(owner);
        ask.setTitle(i18n.get("export.markdown"));
        ask.setHeaderText(i18n.get("export.iterations"));
        Optional<String> answer = ask.showAndWait();
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        int n;
        try {
            n = Integer.parseInt(answer.get().strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 10_000) {
            return Optional.empty();
        }
        int iterations = n;
        return choose(owner, "handout.md", "Markdown", "*.md").map(p -> new Handout(p, iterations));
    }

    @Override
    public Optional<Path> csvToOpen(Window owner) {
        return open(owner, "CSV", "*.csv");
    }

    @Override
    public Optional<Path> modelToOpen(Window owner) {
        return open(owner, "Backprop Lab model", "*.json");
    }

    @Override
    public Optional<Path> modelToSave(Window owner) {
        return choose(owner, "model.json", "Backprop Lab model", "*.json");
    }

    @Override
    public Optional<Path> experimentToOpen(Window owner) {
        return open(owner, "Backprop Lab experiment", "*.json");
    }

    @Override
    public Optional<Path> experimentToSave(Window owner) {
        return choose(owner, "experiment.json", "Backprop Lab experiment", "*.json");
    }

    @Override
    public Optional<Path> codeToSave(Window owner, String name) {
        return choose(owner, name, "Python", "*.py");
    }

    @Override
    public boolean confirmNonFiniteSave(Window owner, Path file) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, i18n.get("digits.saveNonFinite.text"),
                ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle(i18n.get("digits.save"));
        ask.setHeaderText(i18n.get("digits.saveNonFinite.header", String.valueOf(file.getFileName())));
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public boolean confirmImport(Window owner, String header, String text) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle(i18n.get("pg.import"));
        ask.setHeaderText(header);
        return ask.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<Path> csvToSave(Window owner) {
        return choose(owner, "points.csv", "CSV", "*.csv");
    }

    @Override
    public Optional<Path> curvesCsvToSave(Window owner) {
        return choose(owner, "loss-curves.csv", "CSV", "*.csv");
    }

    private static Optional<Path> open(Window owner, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
    }

    private Optional<Path> choose(Window owner, String name, String kind, String pattern) {
        return choose(owner, name, kind, pattern, null);
    }

    /** A save dialog suggesting {@code name}, titled {@code title} (or the platform's own title when null). */
    private Optional<Path> choose(Window owner, String name, String kind, String pattern, String title) {
        FileChooser chooser = new FileChooser();
        if (title != null) {
            chooser.setTitle(title);
        }
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        File f = chooser.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
