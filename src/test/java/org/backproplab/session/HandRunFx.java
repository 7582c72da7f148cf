package org.backproplab.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** The FX thread of a session test: the tasks handed to it wait until the test runs them. */
final class HandRunFx implements Executor {
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs the tasks handed over so far, in order (those they hand over wait for the next run). */
    void runTasks() {
        List<Runnable> now = new ArrayList<>(tasks);
        tasks.clear();
        now.forEach(Runnable::run);
    }

    /** How many tasks wait. */
    int waiting() {
        return tasks.size();
    }
}
