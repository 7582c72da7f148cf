package org.backproplab.session;

import java.util.List;

/** The CSV reader of {@link CurveRunsTest}, for the window tests. */
public final class CurveRunsTestAccess {
    private CurveRunsTestAccess() {
    }

    public static List<String> fields(String line) {
        return CurveRunsTest.fields(line);
    }
}
