package org.backproplab.session;

import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.io.AtomicFiles;

/** The window's way to save bytes it made itself (a PNG of a panel): atomically, as every file the app writes. */
public final class SavedFiles {
    private SavedFiles() {
    }

    /** Writes {@code bytes} to {@code file}: a reader sees the old file or the new one, never half of it. */
    public static void write(Path file, byte[] bytes) throws IOException {
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
