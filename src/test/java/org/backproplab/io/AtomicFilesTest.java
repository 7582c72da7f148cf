package org.backproplab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saves on real files: permissions, symbolic links and the temporary files of a crashed save. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "this file system has no POSIX permissions");
    }

    private static String permissions(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        assumePosix();
        for (String mode : List.of("rw-r--r--", "rw-rw-r--", "rwxr-x---")) {
            Path file = dir.resolve("kept-" + mode + ".csv");
            Files.writeString(file, "old");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            AtomicFiles.writeString(file, "new");
            assertEquals("new", Files.readString(file));
            assertEquals(mode, permissions(file));
        }
    }

    @Test
    void aNewFileGetsThePermissionsOfAnyNewFileNotRwOnlyForTheOwner() throws IOException {
        assumePosix();
        Path usual = dir.resolve("usual.txt");
        Files.writeString(usual, "made the ordinary way, under the umask");
        Path saved = dir.resolve("saved.txt");
        AtomicFiles.writeString(saved, "saved");
        assertEquals(permissions(usual), permissions(saved));
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("model.json");
        Files.writeString(real, "old");
        Path link = dir.resolve("link.json");
        try {
            Files.createSymbolicLink(link, Path.of("real", "model.json"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("new", Files.readString(real));
        assertEquals("new", Files.readString(link));
        try (Stream<Path> left = Files.list(real.getParent())) {
            assertEquals(List.of(real), left.toList(), "no temporary file left");
        }
    }

    @Test
    void temporaryFilesOfACrashedSaveOfThatFileAreRemovedOthersAreNot() throws IOException {
        Path stale1 = Files.writeString(dir.resolve(".points.csv.tmp-5f3a"), "half");
        Path stale2 = Files.writeString(dir.resolve(".points.csv.tmp-1"), "half");
        Path other = Files.writeString(dir.resolve(".other.csv.tmp-5f3a"), "someone else's");
        AtomicFiles.writeString(dir.resolve("points.csv"), "x1,x2,label\n");
        assertFalse(Files.exists(stale1));
        assertFalse(Files.exists(stale2));
        assertTrue(Files.exists(other));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".other.csv.tmp-5f3a", "points.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
