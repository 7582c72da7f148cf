package org.backproplab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** DESIGN.md: every file of the app stays small enough to read; none is over 400 lines. */
class FileSizeTest {
    private static final int LIMIT = 400;

    static List<String> tooLong(Path root, int limit) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > limit)
                    .map(p -> root.relativize(p) + " has " + lines(p) + " lines").sorted().toList();
        }
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noSourceFileIsOver400Lines() throws IOException {
        Path main = Path.of("src/main/java");
        assertTrue(Files.isDirectory(main), "run from the project folder");
        assertEquals(List.of(), tooLong(main, LIMIT));
    }

    @Test
    void theCheckFindsALongFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("Long.java"), "//\n".repeat(LIMIT + 1));
        Files.writeString(dir.resolve("Short.java"), "//\n".repeat(LIMIT));
        assertEquals(List.of("Long.java has 401 lines"), tooLong(dir, LIMIT));
    }
}
