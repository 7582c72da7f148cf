package org.backproplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 2-D points as CSV: {@code x1,x2,label}, one point per line, an optional header line, '#'
 * comments and blank lines ignored. Labels that are all whole numbers from 0 make a
 * classification set (two classes or more); anything else makes a regression set.
 */
public final class PointsCsv {
    static final String[] COLUMNS = {"x1", "x2", "label"};

    private PointsCsv() {
    }

    /** The points of a file and the task their labels imply. */
    public record Content(List<DataPoint> points, Task task, int classes) {
    }

    public static Content read(Path file) throws DataFileException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataFileException(file.getFileName().toString(), 0, 0, "not a UTF-8 text file");
        } catch (IOException e) {
            throw new DataFileException(file.getFileName().toString(), 0, 0, "cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Reads from {@code in}; {@code name} is used in messages. Nothing is returned unless every line is good. */
    public static Content read(Reader in, String name) throws DataFileException, IOException {
        BufferedReader reader = new BufferedReader(in);
        List<DataPoint> points = new ArrayList<>();
        String line;
        int number = 0;
        boolean integral = true;
        double maxLabel = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (points.isEmpty() && isHeader(cells)) {
                continue;
            }
            if (cells.length != 3) {
                throw new DataFileException(name, number, 0, "expected 3 values (x1,x2,label), found " + cells.length);
            }
            double[] v = new double[3];
            for (int c = 0; c < 3; c++) {
                String cell = cells[c].strip();
                try {
                    v[c] = Double.parseDouble(cell);
                } catch (NumberFormatException e) {
                    throw new DataFileException(name, number, c + 1,
                            cell.isEmpty() ? "empty, a number is needed" : "'" + cell + "' is not a number");
                }
                if (!Double.isFinite(v[c])) {
                    throw new DataFileException(name, number, c + 1, "'" + cell + "' is not a finite number");
                }
            }
            if (v[2] != Math.rint(v[2]) || v[2] < 0) {
                integral = false;
            }
            maxLabel = Math.max(maxLabel, v[2]);
            points.add(new DataPoint(v[0], v[1], v[2]));
        }
        if (points.isEmpty()) {
            throw new DataFileException(name, 0, 0, "holds no points (expected lines of x1,x2,label)");
        }
        if (integral && maxLabel <= 9) {
            int classes = (int) maxLabel + 1;
            return new Content(List.copyOf(points), classes <= 2 ? Task.BINARY : Task.MULTICLASS, Math.max(2, classes));
        }
        return new Content(List.copyOf(points), Task.REGRESSION, 0);
    }

    private static boolean isHeader(String[] cells) {
        if (cells.length == 0) {
            return false;
        }
        try {
            Double.parseDouble(cells[0].strip());
            return false;
        } catch (NumberFormatException e) {
            return cells[0].strip().toLowerCase(Locale.ROOT).startsWith("x");
        }
    }

    /** The points as CSV text with a header line. */
    public static String write(List<DataPoint> points) {
        StringBuilder sb = new StringBuilder("x1,x2,label\n");
        for (DataPoint p : points) {
            sb.append(p.x1()).append(',').append(p.x2()).append(',');
            double l = p.label();
            sb.append(l == Math.rint(l) && Math.abs(l) < 1e15 ? Long.toString((long) l) : Double.toString(l)).append('\n');
        }
        return sb.toString();
    }
}
