package org.backproplab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash never leaves a half-written one: the bytes go to a temporary file
 * {@code .NAME.tmp-RANDOM} in the same folder, which is flushed to disk and then moved over the
 * target in one step. A symbolic link is followed (the file it points to is replaced, the link
 * stays); an existing file keeps its permissions, a new one gets the usual ones (those of any new
 * file under the user's umask); temporary files of this name left by an earlier crash are removed.
 */
public final class AtomicFiles {
    private static final String TMP = ".tmp-";

    private AtomicFiles() {
    }

    /** Something that writes the file's bytes. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path file = realTarget(target.toAbsolutePath());
        Path dir = file.getParent();
        Files.createDirectories(dir);
        String prefix = "." + file.getFileName() + TMP;
        removeStale(dir, prefix);
        Path tmp = null;
        try {
            FileChannel channel = null;
            while (channel == null) {
                tmp = dir.resolve(prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
                try {
                    // not createTempFile: that one is always rw-------; CREATE_NEW gives the umask's permissions
                    channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    tmp = null;
                }
            }
            try (FileChannel open = channel; OutputStream out = Channels.newOutputStream(open)) {
                writer.write(out);
                out.flush();
                open.force(true);
            }
            keepPermissions(file, tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The file a chain of symbolic links ends at (itself when it is no link); a dangling link's target. */
    static Path realTarget(Path path) throws IOException {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException(path.getFileName() + ": too many symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    private static void removeStale(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, p -> p.getFileName().toString()
                .startsWith(prefix) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path p : stale) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void keepPermissions(Path file, Path tmp) throws IOException {
        PosixFileAttributeView old = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (old != null && Files.exists(file)) {
            Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
        }
    }
}
