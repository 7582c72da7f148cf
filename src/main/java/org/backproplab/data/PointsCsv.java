package org.backproplab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 2-D points as CSV in UTF-8 (a byte-order mark is allowed): {@code x1,x2,label}, one point per
 * line; '#' comments and blank lines are ignored; the first line may be a header when none of its
 * cells is a number. Every value is a plain decimal number (like {@code -1.5} or {@code 2e-3})
 * between -1,000,000 and 1,000,000.
 * <p>
 * The rule for labels: labels are class numbers 0, 1, 2, ... (at most 10 classes, no class
 * missing in between), unless the header names the third column {@code target}: then they are
 * a regression target, any number. So one mistyped label ({@code -1}, {@code 1.5}, {@code 10})
 * is refused with its line instead of turning the set into something else.
 */
public final class PointsCsv {
    static final String[] COLUMNS = {"x1", "x2", "label"};
    /** The largest coordinate or label, in absolute value: beyond it the loss overflows long before training helps. */
    public static final double LIMIT = 1e6;
    /** The most classes a points set can have (labels 0 to 9). */
    public static final int MAX_CLASSES = 10;
    /** The header name of the third column that makes the labels a regression target. */
    public static final String TARGET = "target";
    private static final long MAX_BYTES = 64L << 20;
    /** A plain decimal number: no hex, no 'd' or 'f' suffix, no NaN or Infinity, nothing around it. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private PointsCsv() {
    }

    /** The points of a file and the task their labels imply. */
    public record Content(List<DataPoint> points, Task task, int classes) {
    }

    public static Content read(Path file) throws DataFileException {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DataFileException(name, 0, 0, "is too large for a points file (at most "
                        + (MAX_BYTES >> 20) + " MB)");
            }
            return parse(lines(Files.readAllBytes(file), name), name);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, 0, "not found");
        } catch (IOException e) {
            throw new DataFileException(name, 0, 0, "cannot be read (" + Excerpt.of(String.valueOf(e.getMessage()))
                    + ")");
        }
    }

    /** Reads from {@code in}; {@code name} is used in messages. Nothing is returned unless every line is good. */
    public static Content read(Reader in, String name) throws DataFileException, IOException {
        BufferedReader reader = new BufferedReader(in);
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            lines.add(line);
        }
        return parse(lines, name);
    }

    /** The bytes as lines of strict UTF-8; a byte that is not UTF-8 is refused with its line. */
    private static List<String> lines(byte[] bytes, String name) throws DataFileException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end == bytes.length && start == end && start > 0) {
                break;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            try {
                lines.add(utf8.decode(ByteBuffer.wrap(bytes, start, stop - start)).toString());
            } catch (CharacterCodingException e) {
                throw new DataFileException(name, lines.size() + 1, 0, "is not UTF-8 text; save the file as"
                        + " \"CSV UTF-8\" (a spreadsheet's choice) or plain UTF-8 text");
            }
            start = end + 1;
        }
        return lines;
    }

    private static Content parse(List<String> lines, String name) throws DataFileException {
        List<DataPoint> points = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        boolean regression = false;
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String text = lines.get(i);
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            text = text.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] cells = text.split(",", -1);
            if (first) {
                first = false;
                if (isHeader(cells)) {
                    regression = cells.length == 3 && cells[2].strip().toLowerCase(Locale.ROOT).equals(TARGET);
                    continue;
                }
            }
            if (cells.length != 3) {
                throw new DataFileException(name, number, 0, "expected 3 values (x1,x2,label), found " + cells.length);
            }
            double[] v = new double[3];
            for (int c = 0; c < 3; c++) {
                v[c] = number(cells[c].strip(), name, number, c + 1);
            }
            if (!regression) {
                classLabel(v[2], cells[2].strip(), name, number);
            }
            points.add(new DataPoint(v[0], v[1], v[2]));
            lineOf.add(number);
        }
        if (points.isEmpty()) {
            throw new DataFileException(name, 0, 0, "holds no points (expected lines of x1,x2,label)");
        }
        if (regression) {
            return new Content(List.copyOf(points), Task.REGRESSION, 0);
        }
        int classes = classes(points, lineOf, name);
        return new Content(List.copyOf(points), classes <= 2 ? Task.BINARY : Task.MULTICLASS, Math.max(2, classes));
    }

    private static double number(String cell, String name, int line, int column) throws DataFileException {
        if (cell.isEmpty()) {
            throw new DataFileException(name, line, column, "empty, a number is needed");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new DataFileException(name, line, column, "'" + Excerpt.of(cell) + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (!(Math.abs(v) <= LIMIT)) {
            throw new DataFileException(name, line, column, "'" + Excerpt.of(cell)
                    + "' is too large: values must be between -1000000 and 1000000");
        }
        return v;
    }

    private static void classLabel(double v, String cell, String name, int line) throws DataFileException {
        if (v != Math.rint(v) || v < 0 || v >= MAX_CLASSES) {
            throw new DataFileException(name, line, 3, "'" + Excerpt.of(cell) + "' is not a class: labels are"
                    + " whole numbers 0 to " + (MAX_CLASSES - 1) + " (for a regression target, name the third"
                    + " column '" + TARGET + "' in a header line: x1,x2," + TARGET + ")");
        }
    }

    /** The number of classes, 0 to the largest label; a class missing in between is refused. */
    private static int classes(List<DataPoint> points, List<Integer> lineOf, String name) throws DataFileException {
        int[] count = new int[MAX_CLASSES];
        int largest = 0;
        for (int i = 0; i < points.size(); i++) {
            int label = (int) points.get(i).label();
            count[label]++;
            if (label > (int) points.get(largest).label()) {
                largest = i;
            }
        }
        int classes = (int) points.get(largest).label() + 1;
        for (int c = 0; c < classes; c++) {
            if (count[c] == 0) {
                throw new DataFileException(name, lineOf.get(largest), 3, "label " + (classes - 1)
                        + " but no point has label " + c + ": class labels run 0, 1, 2, ... without a gap");
            }
        }
        return classes;
    }

    /** A header: no cell of the line is a number. */
    private static boolean isHeader(String[] cells) {
        for (String cell : cells) {
            if (NUMBER.matcher(cell.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The points as CSV text with a header line (naming the third column 'target' for a regression set). */
    public static String write(List<DataPoint> points, Task task) {
        StringBuilder sb = new StringBuilder(task == Task.REGRESSION ? "x1,x2," + TARGET + "\n" : "x1,x2,label\n");
        for (DataPoint p : points) {
            sb.append(p.x1()).append(',').append(p.x2()).append(',');
            double l = p.label();
            sb.append(l == Math.rint(l) && Math.abs(l) < 1e15 ? Long.toString((long) l) : Double.toString(l)).append('\n');
        }
        return sb.toString();
    }
}
