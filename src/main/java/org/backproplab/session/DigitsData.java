package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.backproplab.data.DataFileException;
import org.backproplab.data.Idx;
import org.backproplab.data.MnistFiles;
import org.backproplab.engine.Samples;

/**
 * The MNIST digits of the digits tab, read on the worker thread when first needed (training, a
 * test digit, the confusion matrix); a network can be shown and drawn on before they are there.
 */
final class DigitsData {
    private final Path folder;
    private final int trainLimit;
    private final int testLimit;
    // written once under the lock by whichever thread reads first (the loader or the worker)
    private volatile Idx.LabelledImages testSet;
    private volatile Samples train;
    private volatile Samples test;

    /**
     * @param folder     the MNIST files, or null for ./assets/mnist or the jar's copy
     * @param trainLimit first training digits to use, 0 for all 60,000
     * @param testLimit  first test digits to use, 0 for all 10,000
     */
    DigitsData(Path folder, int trainLimit, int testLimit) {
        this.folder = folder;
        this.trainLimit = trainLimit;
        this.testLimit = testLimit;
    }

    /** Completes when the read {@link #readOn} started has ended, well or not. */
    private volatile CompletableFuture<Void> reading = CompletableFuture.completedFuture(null);

    /**
     * Starts reading the digits on {@code loader}, unless they are read or being read: {@code then} runs
     * after a good read, {@code say} hears why a read failed (never lost on the loader's thread).
     */
    void readOn(Executor loader, Runnable then, Consumer<Notice> say) {
        if (loaded() || !reading.isDone()) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        reading = done;
        loader.execute(() -> {
            try {
                ensure(); // training started meanwhile waits for this read, it does not start another
                then.run();
            } catch (DataFileException | IOException e) {
                say.accept(failed(e));
            } catch (Throwable t) { // out of memory, say
                say.accept(WorkerSession.failure(t));
            } finally {
                done.complete(null);
            }
        });
    }

    CompletableFuture<Void> reading() {
        return reading;
    }

    static Notice failed(Exception e) {
        return new Notice("notice.dataFailed", List.of(String.valueOf(e.getMessage())), true);
    }

    boolean loaded() {
        return train != null;
    }

    /**
     * Reads the digits unless they are read already.
     *
     * @throws DataFileException a file is missing or broken (the message names it); nothing is kept, to retry
     */
    synchronized void ensure() throws DataFileException, IOException {
        if (train != null) {
            return;
        }
        Path dir = MnistFiles.folder(folder);
        Samples tr = MnistFiles.train(dir).samples(trainLimit, 10);
        Idx.LabelledImages ts = MnistFiles.test(dir);
        Samples te = ts.samples(testLimit, 10);
        testSet = ts;
        test = te;
        train = tr; // last: a failure before (even out of memory) leaves the data unloaded, to retry
    }

    /**
     * Reads the digits unless they are read ({@code afterRead} runs after a read); false, and {@code post} hears why,
     * when they cannot be.
     */
    boolean ensure(Consumer<Notice> post, Runnable afterRead) {
        if (!loaded()) {
            try {
                ensure();
            } catch (DataFileException | IOException e) {
                post.accept(failed(e));
                return false;
            }
            afterRead.run();
        }
        return true;
    }

    Samples train() {
        return train;
    }

    Samples test() {
        return test;
    }

    Idx.LabelledImages testSet() {
        return testSet;
    }

    /** How many test digits can be chosen: 0 before they are read. */
    int testCount() {
        return test == null ? 0 : test.size();
    }

    double[] testImage(int index) {
        return test.inputs().rowValues(index);
    }

    int testLabel(int index) {
        return testSet.label(index);
    }
}
