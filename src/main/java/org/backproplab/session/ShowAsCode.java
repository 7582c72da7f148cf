package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backproplab.io.AtomicFiles;
import org.backproplab.io.CodeSetup;
import org.backproplab.io.NumpyCode;
import org.backproplab.io.PyTorchCode;

/**
 * "Show as PyTorch" and "Show as NumPy" for a tab's dense network: the program of its next
 * training step, written on the worker from the state shown (edited weights, the optimizer's
 * memory, the batch), to read, copy or save. A network that cannot be written (a convolution,
 * regularisation) is refused with why.
 */
public final class ShowAsCode {
    public static final List<String> LANGUAGES = List.of("pytorch", "numpy");

    /** Worker thread: the state to write, or an exception saying why it cannot be. */
    @FunctionalInterface
    interface Source {
        CodeSetup setup() throws CodeSetup.UnsupportedException;
    }

    /** The program shown: its language, its text and the file name offered when it is saved. */
    public record Code(String language, String text, String fileName) {
    }

    private final Executor worker;
    private final Executor fx;
    private final Source source;
    private final ReadOnlyObjectWrapper<Code> code = new ReadOnlyObjectWrapper<>(this, "code");
    private final ReadOnlyObjectWrapper<Notice> message = new ReadOnlyObjectWrapper<>(this, "message");

    ShowAsCode(Executor worker, Executor fx, Source source) {
        this.worker = worker;
        this.fx = fx;
        this.source = source;
    }

    /** The program shown, or null when none is. */
    public ReadOnlyObjectProperty<Code> codeProperty() {
        return code.getReadOnlyProperty();
    }

    /** What the last command did or why it was refused, or null. */
    public ReadOnlyObjectProperty<Notice> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Writes the program in {@code language} (pytorch or numpy) from the state shown. */
    public void show(String language) {
        if (!LANGUAGES.contains(language)) {
            message.set(new Notice("code.error.language", List.of(String.valueOf(language)), true));
            return;
        }
        message.set(null);
        worker.execute(() -> {
            try {
                CodeSetup s = source.setup();
                String text = language.equals("pytorch") ? PyTorchCode.write(s) : NumpyCode.write(s);
                String name = s.preset() + (language.equals("pytorch") ? "_pytorch.py" : "_numpy.py");
                fx.execute(() -> code.set(new Code(language, text, name)));
            } catch (CodeSetup.UnsupportedException e) {
                fx.execute(() -> message.set(new Notice("code.error." + e.reason(), List.of(), true)));
            }
        });
    }

    /** The program is no longer shown. */
    public void close() {
        code.set(null);
        message.set(null);
    }

    /** Saves the program shown to {@code file}, atomically; refused when none is shown. */
    public void save(Path file) {
        Code c = code.get();
        if (c == null || file == null) {
            message.set(new Notice("code.error.nothing", List.of(), true));
            return;
        }
        worker.execute(() -> {
            Notice n;
            try {
                AtomicFiles.writeString(file, c.text());
                n = new Notice("code.saved", List.of(file.getFileName().toString()), false);
            } catch (IOException e) {
                n = new Notice("code.error.write", List.of(file.toString(), String.valueOf(e.getMessage())), true);
            }
            Notice said = n;
            fx.execute(() -> message.set(said));
        });
    }

    /** Says that the program was copied (the view puts it on the clipboard). */
    public void copied() {
        if (code.get() != null) {
            message.set(new Notice("code.copied", List.of(), false));
        }
    }
}
