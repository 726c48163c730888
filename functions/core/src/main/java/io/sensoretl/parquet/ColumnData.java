package io.sensoretl.parquet;

import java.util.Arrays;

/**
 * One column chunk's content before encoding: per position its repetition and definition levels, the
 * values of the positions that hold one, and where each row starts (pages end on row boundaries). For a
 * flat column a position is a row. Reused from column to column, so writing a batch allocates per
 * column nothing that grows with the rows.
 */
final class ColumnData {
    int rows;
    int positions;
    int values;
    /** Position of each row's first entry, {@code rows + 1} of them; only for repeated columns. */
    int[] rowStart = new int[16];
    boolean repeated;
    /** Levels per position; {@code def} only when the column is optional or repeated. */
    int[] rep = new int[16];
    int[] def = new int[16];
    int[] ints = new int[16];
    long[] longs = new long[16];
    double[] doubles = new double[16];
    /** PLAIN binary values: byte ranges (start in {@code ints}, length here) of {@code arena}. */
    int[] lengths = new int[16];
    byte[] arena;

    void reset(int rowCount, boolean isRepeated) {
        rows = rowCount;
        positions = 0;
        values = 0;
        repeated = isRepeated;
        if (rowStart.length < rowCount + 1) {
            rowStart = new int[rowCount + 1];
        }
    }

    /** A position without a value (definition level {@code d}). */
    void addNull(int r, int d) {
        ensurePositions();
        rep[positions] = r;
        def[positions] = d;
        positions++;
    }

    void addInt(int r, int d, int v) {
        ensurePositions();
        rep[positions] = r;
        def[positions] = d;
        positions++;
        if (values == ints.length) {
            ints = Arrays.copyOf(ints, values * 2);
        }
        ints[values++] = v;
    }

    /** A present byte string {@code arena[start, start + length)} (definition level {@code d}). */
    void addBytes(int d, int start, int length) {
        int at = values;
        addInt(0, d, start);
        if (at == lengths.length) {
            lengths = Arrays.copyOf(lengths, Math.max(ints.length, at + 1));
        }
        lengths[at] = length;
    }

    void addLong(long v) {
        ensurePositions();
        def[positions] = 0;
        positions++;
        if (values == longs.length) {
            longs = Arrays.copyOf(longs, values * 2);
        }
        longs[values++] = v;
    }

    void addDouble(int d, double v) {
        ensurePositions();
        rep[positions] = 0;
        def[positions] = d;
        positions++;
        if (values == doubles.length) {
            doubles = Arrays.copyOf(doubles, values * 2);
        }
        doubles[values++] = v;
    }

    /** Marks that row {@code row} starts at the next position (repeated columns). */
    void startRow(int row) {
        rowStart[row] = positions;
    }

    void endRows() {
        rowStart[rows] = positions;
    }

    int rowStart(int row) {
        return repeated ? rowStart[row] : row;
    }

    private void ensurePositions() {
        if (positions == def.length) {
            int n = positions * 2;
            rep = Arrays.copyOf(rep, n);
            def = Arrays.copyOf(def, n);
        }
    }
}
