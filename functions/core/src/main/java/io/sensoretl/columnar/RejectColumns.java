package io.sensoretl.columnar;

import io.sensoretl.reading.Reject;
import io.sensoretl.reading.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A batch of rejects as column vectors: offsets, reasons, details as ids into a dictionary (the same
 * few messages repeat), and raw record text as byte ranges of an arena, shared by the rejects of one
 * record (a wide row can reject several readings). Source key and run id are the same for a whole
 * chunk, so they are kept once. {@link #generation()} changes whenever the detail dictionary is
 * cleared, so callers caching detail ids know when to intern again.
 */
public final class RejectColumns {
    /** {@code RejectReason.values()} clones its array on every call: looked up once. */
    private static final RejectReason[] REASONS = RejectReason.values();
    private String sourceKey;
    private String runId;
    /** Detail texts met lately, to their ids: the reference path words each reject afresh. */
    private final java.util.HashMap<String, Integer> detailIds = new java.util.HashMap<>();
    private final ByteDictionary details = new ByteDictionary();
    private int generation;
    private int size;
    private long[] offsets = new long[256];
    private byte[] reasons = new byte[256];
    private int[] detail = new int[256];
    private int[] rawStart = new int[256];
    private int[] rawLength = new int[256];
    private byte[] raw = new byte[1 << 14];
    private int rawUsed;
    private int lastRawStart = -1;
    private int lastRawLength;

    public RejectColumns(String sourceKey, String runId) {
        this.sourceKey = sourceKey;
        this.runId = runId;
    }

    public String sourceKey() {
        return sourceKey;
    }

    public String runId() {
        return runId;
    }

    public int size() {
        return size;
    }

    /** Bytes held (for the flush bound). */
    public long bytes() {
        return rawUsed + details.bytes() + (long) size * 21;
    }

    public int generation() {
        return generation;
    }

    public int detailId(String text) {
        Integer id = detailIds.get(text);
        if (id == null) {
            if (detailIds.size() > 4096) {
                detailIds.clear();
            }
            id = details.intern(text);
            detailIds.put(text, id);
        }
        return id;
    }

    /** This batch, emptied, for the rejects of another chunk (its arrays are reused). */
    public RejectColumns reuse(String newSourceKey, String newRunId) {
        this.sourceKey = newSourceKey;
        this.runId = newRunId;
        size = 0;
        rawUsed = 0;
        lastRawStart = -1;
        details.clear();
        detailIds.clear();
        generation++;
        return this;
    }

    public ByteDictionary details() {
        return details;
    }

    /** The raw text of the next rejects (bytes already UTF-8, e.g. an ASCII record's prefix). */
    public void raw(byte[] b, int from, int length) {
        if (rawUsed + length > raw.length) {
            raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawUsed + length));
        }
        System.arraycopy(b, from, raw, rawUsed, length);
        lastRawStart = rawUsed;
        lastRawLength = length;
        rawUsed += length;
    }

    /** The raw text of the next rejects, as the reference writes it (UTF-8 of the string). */
    public void raw(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        raw(b, 0, b.length);
    }

    /** Adds a reject whose raw text was given last. */
    public void add(long offset, RejectReason reason, int detailId) {
        if (lastRawStart < 0) {
            throw new IllegalStateException("the reject's raw text was not given");
        }
        if (size == offsets.length) {
            int n = size * 2;
            offsets = Arrays.copyOf(offsets, n);
            reasons = Arrays.copyOf(reasons, n);
            detail = Arrays.copyOf(detail, n);
            rawStart = Arrays.copyOf(rawStart, n);
            rawLength = Arrays.copyOf(rawLength, n);
        }
        offsets[size] = offset;
        reasons[size] = (byte) reason.ordinal();
        detail[size] = detailId;
        rawStart[size] = lastRawStart;
        rawLength[size] = lastRawLength;
        size++;
    }

    /** Empties the batch; the detail dictionary is cleared too when it has grown past {@code maxDetailBytes}. */
    public void clear(int maxDetailBytes) {
        size = 0;
        rawUsed = 0;
        lastRawStart = -1;
        if (details.bytes() > maxDetailBytes) {
            details.clear();
            detailIds.clear();
            generation++;
        }
    }

    public long offset(int i) {
        return offsets[i];
    }

    public RejectReason reason(int i) {
        return REASONS[reasons[i]];
    }

    /** The ordinal of reject {@code i}'s reason (no enum lookup: the writer maps ordinals to codes). */
    public int reasonOrdinal(int i) {
        return reasons[i];
    }

    public int detail(int i) {
        return detail[i];
    }

    public byte[] rawArena() {
        return raw;
    }

    public int rawStart(int i) {
        return rawStart[i];
    }

    public int rawLength(int i) {
        return rawLength[i];
    }

    /** Reject {@code i} as an object (tests). */
    public Reject reject(int i) {
        return new Reject(sourceKey, offsets[i], reason(i), details.string(detail[i]),
                new String(raw, rawStart[i], rawLength[i], StandardCharsets.UTF_8), runId);
    }
}
