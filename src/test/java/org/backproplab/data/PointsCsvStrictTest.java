package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV of points refuses what it cannot be sure of, and says what it found. */
class PointsCsvStrictTest {
    private static String error(String text) {
        return assertThrows(DataFileException.class, () -> PointsCsv.read(new StringReader(text), "p.csv"))
                .getMessage();
    }

    @Test
    void aSpreadsheetsByteOrderMarkIsAccepted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("excel.csv");
        Files.write(f, ("\uFEFFx1,x2,label\r\n1,2,0\r\n3,4,1\r\n").getBytes(StandardCharsets.UTF_8));
        PointsCsv.Content c = PointsCsv.read(f);
        assertEquals(List.of(new DataPoint(1, 2, 0), new DataPoint(3, 4, 1)), c.points());
        assertEquals(Task.BINARY, c.task());
        Files.write(f, ("\uFEFF1,2,0\n3,4,1\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, PointsCsv.read(f).points().size());
    }

    @Test
    void onlyPlainDecimalNumbersAreNumbers() {
        assertEquals("p.csv, line 1, column 1 (x1): '1d' is not a number", error("1d,0,0\n"));
        assertEquals("p.csv, line 1, column 2 (x2): '0x1p3' is not a number", error("1,0x1p3,0\n"));
        assertEquals("p.csv, line 1, column 3 (label): '1\\u0000' is not a number", error("0,0,1\0\n1,1,0\n"));
        assertEquals("p.csv, line 2, column 1 (x1): 'Infinity' is not a number", error("0,0,0\nInfinity,1,1\n"));
        assertEquals("p.csv, line 1, column 1 (x1): '1e308' is too large: values must be between -1000000 and"
                + " 1000000", error("1e308,0,0\n"));
        assertEquals("p.csv, line 1, column 2 (x2): '-1000001' is too large: values must be between -1000000 and"
                + " 1000000", error("0,-1000001,0\n"));
        assertTrue(error("1e999999999999,0,0\n").contains("too large"));
    }

    @Test
    void oneOddLabelIsRefusedNotReadAsAnotherKindOfSet() {
        String labels = "whole numbers 0 to 9 (for a regression target, name the third column 'target' in a header"
                + " line: x1,x2,target)";
        assertEquals("p.csv, line 3, column 3 (label): '-1' is not a class: labels are " + labels,
                error("0,0,0\n1,1,1\n2,2,-1\n"));
        assertEquals("p.csv, line 2, column 3 (label): '1.5' is not a class: labels are " + labels,
                error("0,0,0\n1,1,1.5\n2,2,1\n"));
        assertEquals("p.csv, line 4, column 3 (label): '10' is not a class: labels are " + labels,
                error("x1,x2,label\n0,0,0\n1,1,1\n2,2,10\n"));
        assertEquals("p.csv, line 3, column 3 (label): label 5 but no point has label 2: class labels run 0, 1,"
                + " 2, ... without a gap", error("0,0,0\n1,1,1\n2,2,5\n0,1,3\n0,2,4\n"));
    }

    @Test
    void aRegressionTargetIsWhatTheHeaderSays() throws Exception {
        PointsCsv.Content c = PointsCsv.read(new StringReader("x1,x2,target\n0,0,-1\n1,1,1.5\n2,2,10\n"), "p");
        assertEquals(Task.REGRESSION, c.task());
        assertEquals(10, c.points().get(2).label());
        c = PointsCsv.read(new StringReader("x1,x2,label\n0,0,0\n1,1,2\n2,2,1\n"), "p");
        assertEquals(Task.MULTICLASS, c.task());
        assertEquals(3, c.classes());
    }

    @Test
    void onlyTheFirstLineCanBeAHeader() {
        assertEquals("p.csv, line 1, column 1 (x1): 'x5' is not a number", error("x5,1,0\n2,2,1\n"));
        assertEquals("p.csv, line 3, column 1 (x1): 'x1' is not a number", error("x1,x2,label\n0,0,0\nx1,1,1\n"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "x1,x2,label\n1,2,0\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        DataFileException e = assertThrows(DataFileException.class, () -> PointsCsv.read(f));
        assertEquals("latin1.csv, line 3: is not UTF-8 text; save the file as \"CSV UTF-8\" (a spreadsheet's"
                + " choice) or plain UTF-8 text", e.getMessage());
    }

    @Test
    void longCellsAreShortenedInMessages() {
        String cell = "a".repeat(1_000_000);
        String m = error("0,0,0\n1," + cell + ",1\n");
        assertEquals("p.csv, line 2, column 2 (x2): '" + "a".repeat(40) + "… (1000000 characters)' is not a number", m);
    }
}
