package io.sensoretl.compact;

import io.sensoretl.reading.ReadingBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts rows held in columns into the curated order ({@link ReadingBatch#compareFull}) without
 * comparing strings per row: distinct sensor ids (few, and mostly the same canonical arrays) are
 * ranked once, rows are bucketed by rank with a counting sort, and each bucket is ordered by
 * timestamp — in a dump that arrives in time order that is a check, not a sort. Rows equal on
 * {@code (sensor_id, ts)} are finally put in the full tie-break order.
 */
public final class RowSorter {
    private RowSorter() {}

    private static final int INSERTION_SORT_MAX = 24;

    /** The row indexes of {@code c} in curated order. */
    public static int[] order(ReadingBatch c) {
        int n = c.size();
        int[] perm = new int[n];
        if (n == 0) {
            return perm;
        }
        // 1. a local id per distinct sensor array (by reference), then a rank per id by bytes
        Map<byte[], Integer> ids = new IdentityHashMap<>();
        List<byte[]> distinct = new ArrayList<>();
        int[] idOf = new int[n];
        byte[] lastArray = null;
        int lastId = -1;
        for (int i = 0; i < n; i++) {
            byte[] s = c.sensorId[i];
            if (s != lastArray) {
                Integer id = ids.get(s);
                if (id == null) {
                    id = distinct.size();
                    ids.put(s, id);
                    distinct.add(s);
                }
                lastArray = s;
                lastId = id;
            }
            idOf[i] = lastId;
        }
        Integer[] byBytes = new Integer[distinct.size()];
        for (int i = 0; i < byBytes.length; i++) {
            byBytes[i] = i;
        }
        Arrays.sort(byBytes, (a, b) -> ReadingBatch.compareUtf8(distinct.get(a), distinct.get(b)));
        int[] rankOfId = new int[distinct.size()];
        int rank = -1;
        for (int i = 0; i < byBytes.length; i++) {
            if (i == 0 || ReadingBatch.compareUtf8(distinct.get(byBytes[i - 1]), distinct.get(byBytes[i])) != 0) {
                rank++;
            }
            rankOfId[byBytes[i]] = rank;
        }
        int ranks = rank + 1;
        // 2. stable counting sort by rank
        int[] start = new int[ranks + 1];
        for (int i = 0; i < n; i++) {
            start[rankOfId[idOf[i]] + 1]++;
        }
        for (int r = 0; r < ranks; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = Arrays.copyOf(start, ranks);
        for (int i = 0; i < n; i++) {
            perm[fill[rankOfId[idOf[i]]]++] = i;
        }
        // 3. each bucket by timestamp, 4. ties on (sensor, ts) in full order
        int[] tmp = new int[n];
        long[] ts = c.ts;
        for (int r = 0; r < ranks; r++) {
            int from = start[r];
            int to = start[r + 1];
            if (!sortedByTs(perm, from, to, ts)) {
                mergeSort(perm, tmp, from, to, ts);
            }
            breakTies(c, perm, from, to);
        }
        return perm;
    }

    private static boolean sortedByTs(int[] perm, int from, int to, long[] ts) {
        for (int i = from + 1; i < to; i++) {
            if (ts[perm[i - 1]] > ts[perm[i]]) {
                return false;
            }
        }
        return true;
    }

    /** Stable merge sort of {@code perm[from, to)} by timestamp. */
    private static void mergeSort(int[] perm, int[] tmp, int from, int to, long[] ts) {
        if (to - from <= INSERTION_SORT_MAX) {
            for (int i = from + 1; i < to; i++) {
                int v = perm[i];
                long key = ts[v];
                int j = i - 1;
                while (j >= from && ts[perm[j]] > key) {
                    perm[j + 1] = perm[j];
                    j--;
                }
                perm[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(perm, tmp, from, mid, ts);
        mergeSort(perm, tmp, mid, to, ts);
        if (ts[perm[mid - 1]] <= ts[perm[mid]]) {
            return;
        }
        System.arraycopy(perm, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            perm[k++] = ts[tmp[j]] < ts[tmp[i]] ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            perm[k++] = tmp[i++];
        }
        while (j < to) {
            perm[k++] = tmp[j++];
        }
    }

    /** Rows of one sensor, in time order: runs with the same timestamp get the full order. */
    private static void breakTies(ReadingBatch c, int[] perm, int from, int to) {
        long[] ts = c.ts;
        int i = from;
        while (i < to) {
            int j = i + 1;
            while (j < to && ts[perm[j]] == ts[perm[i]]) {
                j++;
            }
            if (j - i > 1) {
                for (int a = i + 1; a < j; a++) {
                    int v = perm[a];
                    int b = a - 1;
                    while (b >= i && ReadingBatch.compareFull(c, perm[b], c, v) > 0) {
                        perm[b + 1] = perm[b];
                        b--;
                    }
                    perm[b + 1] = v;
                }
            }
            i = j;
        }
    }
}
