package io.sensoretl.columnar;

/**
 * The order rows are written in: by sensor id, then time, then metric (strings in Parquet's byte
 * order), ties in input order. Sensor ids go first through a counting sort over their ranks; the rows
 * of one sensor usually arrive in time order already, so each group is only checked, and merge-sorted
 * (stable) when it is not.
 */
public final class ReadingSort {
    private int[] sensorIds = new int[16];
    private int[] metricIds = new int[16];
    private int[] order = new int[16];
    private int[] metricRank = new int[16];
    private int[] scratch = new int[16];

    /** A sorter whose arrays are reused from batch to batch (one thread at a time). */
    public ReadingSort() {}

    /** The row indexes of {@code batch} in curated order, in a new array. */
    public static int[] order(ReadingColumns batch) {
        return java.util.Arrays.copyOf(new ReadingSort().sort(batch), batch.size());
    }

    /**
     * The row indexes of {@code batch} in curated order: the first {@code batch.size()} entries of an
     * array this sorter reuses at its next call.
     */
    public int[] sort(ReadingColumns batch) {
        int n = batch.size();
        if (order.length < n) {
            int c = Math.max(n, order.length * 2);
            sensorIds = new int[c];
            metricIds = new int[c];
            order = new int[c];
            metricRank = new int[c];
            scratch = new int[c];
        }
        ReadingDictionaries d = batch.dictionaries();
        int[] sensorIds = this.sensorIds;
        int[] metricIds = this.metricIds;
        for (int r = 0; r < n; r++) {
            sensorIds[r] = batch.sensor(r);
            metricIds[r] = batch.metric(r);
        }
        Ranks sensors = Ranks.of(d.sensorIds, sensorIds, n);
        Ranks metrics = Ranks.of(d.metrics, metricIds, n);
        int groups = sensors.used();
        int[] start = new int[groups + 1];
        for (int r = 0; r < n; r++) {
            start[sensors.rank(sensorIds[r]) + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] order = this.order;
        int[] next = start.clone();
        for (int r = 0; r < n; r++) {
            order[next[sensors.rank(sensorIds[r])]++] = r;
        }
        int[] metricRank = this.metricRank;
        for (int r = 0; r < n; r++) {
            metricRank[r] = metrics.rank(metricIds[r]);
        }
        for (int g = 0; g < groups; g++) {
            int from = start[g];
            int to = start[g + 1];
            if (!sorted(batch, metricRank, order, from, to)) {
                mergeSort(batch, metricRank, order, scratch, from, to);
            }
        }
        return order;
    }

    private static boolean sorted(ReadingColumns b, int[] metricRank, int[] order, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (compare(b, metricRank, order[i - 1], order[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** (time, metric) then input order: rows are compared within one sensor's group. */
    private static int compare(ReadingColumns b, int[] metricRank, int x, int y) {
        int c = Long.compare(b.ts(x), b.ts(y));
        if (c != 0) {
            return c;
        }
        c = Integer.compare(metricRank[x], metricRank[y]);
        return c != 0 ? c : Integer.compare(x, y);
    }

    private static void mergeSort(ReadingColumns b, int[] metricRank, int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && compare(b, metricRank, a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(b, metricRank, a, tmp, from, mid);
        mergeSort(b, metricRank, a, tmp, mid, to);
        if (compare(b, metricRank, a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && compare(b, metricRank, tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** Ranks of the dictionary entries a batch uses, in byte order: rank(id) for a used id, used() of them. */
    public static final class Ranks {
        private final int[] rankById;
        private final int[] idByRank;

        private Ranks(int[] rankById, int[] idByRank) {
            this.rankById = rankById;
            this.idByRank = idByRank;
        }

        /** Ranks of the ids in {@code ids[0, n)} ({@link ReadingColumns#NO_VALUE} is ignored). */
        public static Ranks of(ByteDictionary dictionary, int[] ids, int n) {
            int[] rankById = new int[dictionary.size()];
            int used = 0;
            for (int i = 0; i < n; i++) {
                int id = ids[i];
                if (id >= 0 && rankById[id] == 0) {
                    rankById[id] = 1;
                    used++;
                }
            }
            int[] byRank = new int[used];
            int k = 0;
            for (int id = 0; id < rankById.length; id++) {
                if (rankById[id] != 0) {
                    byRank[k++] = id;
                }
            }
            sortIds(dictionary, byRank);
            for (int r = 0; r < used; r++) {
                rankById[byRank[r]] = r;
            }
            return new Ranks(rankById, byRank);
        }

        public int rank(int id) {
            return rankById[id];
        }

        public int id(int rank) {
            return idByRank[rank];
        }

        public int used() {
            return idByRank.length;
        }

        /** Sorts dictionary ids by their entries' bytes (a merge sort: no boxing, no comparator object). */
        private static void sortIds(ByteDictionary d, int[] ids) {
            sortIds(d, ids, new int[ids.length], 0, ids.length);
        }

        private static void sortIds(ByteDictionary d, int[] a, int[] tmp, int from, int to) {
            if (to - from <= 16) {
                for (int i = from + 1; i < to; i++) {
                    int v = a[i];
                    int j = i - 1;
                    while (j >= from && d.compare(a[j], v) > 0) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = v;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            sortIds(d, a, tmp, from, mid);
            sortIds(d, a, tmp, mid, to);
            if (d.compare(a[mid - 1], a[mid]) <= 0) {
                return;
            }
            System.arraycopy(a, from, tmp, from, to - from);
            int i = from;
            int j = mid;
            for (int k = from; k < to; k++) {
                a[k] = j >= to || (i < mid && d.compare(tmp[i], tmp[j]) <= 0) ? tmp[i++] : tmp[j++];
            }
        }
    }
}
