package io.sensoretl.parquet;

/**
 * One column chunk's content before encoding: per position its repetition and definition levels, the
 * values of the positions that hold one, and where each row starts (pages end on row boundaries). For a
 * flat column a position is a row. Writers fill the arrays directly ({@link #ints(int)} and friends
 * hand out arrays of at least the asked size) and then {@link #set} the counts. Reused from column to
 * column and file to file.
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

    /** The counts of what was filled in; a flat column has one position per row. */
    void set(int rowCount, int positionCount, int valueCount, boolean isRepeated) {
        rows = rowCount;
        positions = positionCount;
        values = valueCount;
        repeated = isRepeated;
    }

    int[] ints(int n) {
        if (ints.length < n) {
            ints = new int[grow(ints.length, n)];
        }
        return ints;
    }

    long[] longs(int n) {
        if (longs.length < n) {
            longs = new long[grow(longs.length, n)];
        }
        return longs;
    }

    double[] doubles(int n) {
        if (doubles.length < n) {
            doubles = new double[grow(doubles.length, n)];
        }
        return doubles;
    }

    int[] lengths(int n) {
        if (lengths.length < n) {
            lengths = new int[grow(lengths.length, n)];
        }
        return lengths;
    }

    int[] def(int n) {
        if (def.length < n) {
            def = new int[grow(def.length, n)];
        }
        return def;
    }

    int[] rep(int n) {
        if (rep.length < n) {
            rep = new int[grow(rep.length, n)];
        }
        return rep;
    }

    int[] rowStarts(int rowCount) {
        if (rowStart.length < rowCount + 1) {
            rowStart = new int[grow(rowStart.length, rowCount + 1)];
        }
        return rowStart;
    }

    int rowStart(int row) {
        return repeated ? rowStart[row] : row;
    }

    private static int grow(int have, int need) {
        return Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8, have * 3L / 2));
    }
}
