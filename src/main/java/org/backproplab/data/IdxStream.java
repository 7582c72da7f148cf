package org.backproplab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one IDX file (plain or .gz) with every size checked before memory is taken: a plain
 * file must be exactly as long as its header says; a .gz file cannot hold more than deflate's
 * best ratio allows, and its body is read into an array that grows only as bytes arrive. The
 * stream is then read to its end, so gzip's checksum is checked and data past the declared
 * count is refused. Library errors become sentences with the file's name.
 */
final class IdxStream implements AutoCloseable {
    /** Deflate cannot compress better than about 1032 to 1 (RFC 1951: a 258-byte match in 2 bits). */
    private static final long DEFLATE_RATIO = 1032;
    /** The largest array Java can allocate. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final String name;
    private final Path folder;
    private final long fileLength;
    private final boolean gzip;
    private final Gunzip gunzip;
    private final DataInputStream in;
    /** Bytes of unpacked data taken from the stream so far (header included). */
    private long offset;

    private IdxStream(Path file) throws DataFileException {
        this.name = file.getFileName().toString();
        this.folder = file.toAbsolutePath().getParent();
        this.gzip = name.endsWith(".gz");
        try {
            this.fileLength = Files.size(file);
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            this.gunzip = gzip ? gunzip(raw) : null;
            this.in = new DataInputStream(gzip ? gunzip : raw);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static Gunzip gunzip(InputStream raw) throws IOException {
        try {
            return new Gunzip(raw);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    static IdxStream open(Path file) throws DataFileException {
        return new IdxStream(file);
    }

    String name() {
        return name;
    }

    DataFileException refuse(String problem) {
        return new DataFileException(name, 0, 0, problem);
    }

    /** The next 4-byte header field, {@code what} naming it in the message if the file ends. */
    int header(String what) throws DataFileException {
        try {
            int v = in.readInt();
            offset += 4;
            return v;
        } catch (EOFException e) {
            if (gzip && e.getMessage() != null) {
                throw failure(e);
            }
            throw refuse("truncated: the header ends before the " + what);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Reads the body of {@code bytes} bytes that the header promises ({@code promise} says what in
     * words), after checking the size against the file's length, then reads to the end.
     */
    byte[] body(long bytes, String promise) throws DataFileException {
        String promised = "the header promises " + promise + " (" + bytes + " bytes)";
        if (!gzip) {
            long holds = fileLength - offset;
            if (holds < bytes) {
                throw refuse("truncated: " + promised + " but the file holds " + holds);
            }
            if (holds > bytes) {
                throw refuse(promised + " but the file holds " + (holds - bytes) + " bytes more");
            }
        } else if (bytes > fileLength * DEFLATE_RATIO + 1024) {
            throw refuse(promised + " but a compressed file of " + fileLength + " bytes holds at most "
                    + fileLength * DEFLATE_RATIO);
        }
        if (bytes > MAX_ARRAY) {
            throw refuse(promised + ", more than one file can hold here (at most " + MAX_ARRAY + ")");
        }
        byte[] data = readGrowing((int) bytes, promised);
        long extra = skipToEnd();
        if (extra > 0) {
            throw refuse(promised + " but " + extra + " more bytes follow them: the header and the data disagree");
        }
        return data;
    }

    /** Reads n bytes into an array that starts small for .gz files and grows as data arrives. */
    private byte[] readGrowing(int n, String promised) throws DataFileException {
        int capacity = gzip ? (int) Math.min(n, fileLength * 8 + (1 << 16)) : n;
        byte[] data = new byte[capacity];
        int read = 0;
        try {
            while (read < n) {
                if (read == data.length) {
                    data = Arrays.copyOf(data, (int) Math.min(n, Math.max(2L * data.length, 1 << 16)));
                }
                int r = in.read(data, read, data.length - read);
                if (r < 0) {
                    break;
                }
                read += r;
                offset += r;
            }
        } catch (IOException e) {
            throw failure(e);
        }
        if (read < n) {
            throw refuse("truncated: " + promised + " but the file holds " + read);
        }
        return data;
    }

    /** Reads on to the end of the stream (for .gz this checks the checksum); returns the bytes found. */
    private long skipToEnd() throws DataFileException {
        byte[] buffer = new byte[1 << 16];
        long extra = 0;
        try {
            int r;
            while ((r = in.read(buffer)) >= 0) {
                extra += r;
                offset += r;
            }
        } catch (IOException e) {
            throw failure(e);
        }
        return extra;
    }

    /** A library's exception as a sentence a learner can act on. */
    private DataFileException failure(IOException e) {
        String where = gzip ? " near byte " + (gunzip == null ? 0 : gunzip.compressedOffset())
                + " of the compressed file (byte " + offset + " of the unpacked data)" : " at byte " + offset;
        String problem;
        if (e instanceof NoSuchFileException) {
            problem = "not found (looked in " + Excerpt.of(String.valueOf(folder)) + ")";
        } else if (e instanceof AccessDeniedException) {
            problem = "cannot be opened: permission denied";
        } else if (gzip && e instanceof EOFException) {
            problem = "the compressed data ends early" + where + ": the file is cut short (a broken download?)";
        } else if (gzip && "Not in GZIP format".equals(e.getMessage())) {
            problem = "is named .gz but is not gzip-compressed data";
        } else if (gzip && "Corrupt GZIP trailer".equals(e.getMessage())) {
            problem = "is damaged: the gzip checksum at its end does not match the data (a broken download?)";
        } else if (e instanceof ZipException) {
            problem = "is damaged: the compressed data cannot be unpacked" + where + " ("
                    + Excerpt.of(String.valueOf(e.getMessage())) + ")";
        } else {
            problem = "cannot be read" + where + " (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : Excerpt.of(e.getMessage())) + ")";
        }
        return refuse(problem);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // reading is over; a failed close loses nothing
        }
    }

    /** GZIPInputStream that tells how far into the compressed file the inflater has got. */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream in) throws IOException {
            super(in, 1 << 16);
        }

        long compressedOffset() {
            return 10 + inf.getBytesRead();
        }
    }
}
