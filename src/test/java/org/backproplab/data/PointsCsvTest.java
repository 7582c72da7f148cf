package org.backproplab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCsvTest {
    private static DataFileException error(String text) {
        return assertThrows(DataFileException.class, () -> PointsCsv.read(new StringReader(text), "points.csv"));
    }

    @Test
    void readsPointsWithAHeaderAndComments() throws Exception {
        PointsCsv.Content c = PointsCsv.read(new StringReader("x1,x2,label\n# a comment\n1.5,-2,1\n\n0,0,0\n"), "p.csv");
        assertEquals(List.of(new DataPoint(1.5, -2, 1), new DataPoint(0, 0, 0)), c.points());
        assertEquals(Task.BINARY, c.task());
        assertEquals(Task.MULTICLASS, PointsCsv.read(new StringReader("0,0,0\n1,1,2\n2,2,1\n"), "p").task());
        assertEquals(Task.REGRESSION, PointsCsv.read(new StringReader("x1,x2,target\n0,0,0.5\n1,1,-0.2\n"), "p").task());
    }

    @Test
    void errorsNameTheLineAndTheColumn() {
        DataFileException e = error("x1,x2,label\n1,2,0\n3,abc,1\n");
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals("points.csv, line 3, column 2 (x2): 'abc' is not a number", e.getMessage());
        e = error("1,2,0\n1,2\n");
        assertEquals(2, e.line());
        assertEquals("points.csv, line 2: expected 3 values (x1,x2,label), found 2", e.getMessage());
        e = error("1,2,NaN\n");
        assertEquals(3, e.column());
        e = error("1,,0\n");
        assertTrue(e.getMessage().contains("column 2 (x2): empty"), e.getMessage());
        assertTrue(error("\n# nothing\n").getMessage().contains("no points"));
    }

    @Test
    void writesWhatItReads(@TempDir Path dir) throws Exception {
        List<DataPoint> pts = DataShape.SPIRAL.generate(50, 0.1, 3);
        Path f = dir.resolve("spiral.csv");
        Files.writeString(f, PointsCsv.write(pts, Task.MULTICLASS));
        assertEquals(pts, PointsCsv.read(f).points());
        List<DataPoint> wave = List.of(new DataPoint(0.5, -1, 0.25), new DataPoint(-3e-7, 2, 1));
        Files.writeString(f, PointsCsv.write(wave, Task.REGRESSION));
        assertEquals(wave, PointsCsv.read(f).points());
        assertEquals(Task.REGRESSION, PointsCsv.read(f).task());
    }
}
