package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.data.DataFileException;
import org.backproplab.data.DataPoint;
import org.backproplab.data.DataSet;
import org.backproplab.data.PointsCsv;
import org.backproplab.data.Task;
import org.backproplab.io.AtomicFiles;

/**
 * The playground's points as a CSV file, for {@link PlaygroundSession}: read on the worker and
 * said ("200 points, 2 classes") before anything changes, then confirmed or cancelled; written
 * atomically.
 */
public final class PlaygroundPoints {
    private final PlaygroundSetup setup;
    private final Executor worker;
    private final Executor fx;
    private final Consumer<Notice> post;
    private final Runnable pause;
    private final Runnable rebuild;

    PlaygroundPoints(PlaygroundSetup setup, Executor worker, Executor fx, Consumer<Notice> post, Runnable pause,
            Runnable rebuild) {
        this.setup = setup;
        this.worker = worker;
        this.fx = fx;
        this.post = post;
        this.pause = pause;
        this.rebuild = rebuild;
    }

    /** A read CSV file waiting for the user's yes: what it holds, said before anything changes. */
    public record PendingImport(String file, int points, int classes, boolean regression) { }

    private final ReadOnlyObjectWrapper<PendingImport> pendingImport = new ReadOnlyObjectWrapper<>();
    private PointsCsv.Content pendingContent;

    /**
     * Reads x1,x2,label points on the worker (a large file must not freeze the window); a bad
     * file changes nothing and says where it is wrong. A good one is not used yet: it waits in
     * {@link #pendingImportProperty()} ("200 points, 2 classes" or "regression target") until
     * {@link #confirmImport()}, so that a typo that turns classes into a regression is seen first.
     */
    public void importCsv(Path file) {
        pause.run();
        worker.execute(() -> {
            try {
                PointsCsv.Content c = PointsCsv.read(file);
                String name = file.getFileName().toString();
                fx.execute(() -> {
                    pendingContent = c;
                    pendingImport.set(new PendingImport(name, c.points().size(), c.classes(),
                            c.task() == Task.REGRESSION));
                });
            } catch (DataFileException e) {
                post.accept(new Notice("notice.importFailed", List.of(e.getMessage()), true));
            }
        });
    }

    /** The file read by {@link #importCsv} and not yet confirmed or cancelled, or null. */
    public ReadOnlyObjectProperty<PendingImport> pendingImportProperty() {
        return pendingImport.getReadOnlyProperty();
    }

    /** The yes to {@link #pendingImportProperty()}: its points replace the data. */
    public void confirmImport() {
        PendingImport p = pendingImport.get();
        if (p == null) {
            return;
        }
        setup.imported(pendingContent);
        clearPendingImport();
        rebuild.run();
        post.accept(p.regression()
                ? new Notice("notice.importedTarget", List.of(p.file(), p.points()), false)
                : new Notice("notice.importedClasses", List.of(p.file(), p.points(), p.classes()), false));
    }

    /** The no to {@link #pendingImportProperty()}: nothing changes. */
    public void cancelImport() {
        PendingImport p = pendingImport.get();
        if (p != null) {
            clearPendingImport();
            post.accept(new Notice("notice.importCancelled", List.of(p.file()), false));
        }
    }

    private void clearPendingImport() {
        pendingContent = null;
        pendingImport.set(null);
    }

    public void exportCsv(Path file) {
        DataSet data = setup.data();
        worker.execute(() -> {
            List<DataPoint> all = new ArrayList<>(data.train());
            all.addAll(data.test());
            try {
                AtomicFiles.writeString(file, PointsCsv.write(all, data.task()));
                post.accept(new Notice("notice.exported", List.of(file.getFileName().toString()), false));
            } catch (IOException e) {
                post.accept(new Notice("notice.exportFailed", List.of(file.toString(), e.getMessage()), true));
            }
        });
    }
}
