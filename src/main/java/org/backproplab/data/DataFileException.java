package org.backproplab.data;

/**
 * A data file that cannot be read, with where: the file, the line (from 1) and the column (from
 * 1, 0 when the whole line is at fault). The message reads "file, line 3, column 2 (x2): ...".
 */
public final class DataFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;

    public DataFileException(String file, int line, int column, String problem) {
        super(where(file, line, column) + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String where(String file, int line, int column) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column).append(" (").append(PointsCsv.COLUMNS[column - 1]).append(')');
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
