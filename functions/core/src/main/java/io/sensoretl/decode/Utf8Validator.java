package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8: exactly the well-formed byte sequences of the Unicode standard (chapter 3, table 3-7).
 * Overlong forms ({@code C0 AF} for "/"), UTF-16 surrogates written as UTF-8 ({@code ED A0 80}), code
 * points above U+10FFFF, truncated sequences and stray continuation bytes are all ill-formed. Jackson's
 * decoder accepts some of these (an overlong "/" decodes to "/"), so records are checked here first.
 *
 * <p>On the transform's hot path: ASCII is skipped eight bytes at a time, and only a byte of 0x80 or
 * more takes the full check. A byte-level scanner can call {@link #firstInvalid} on any range.
 */
public final class Utf8Validator {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Validator() {}

    /** Whether {@code bytes[from, to)} is well-formed UTF-8. */
    public static boolean isValid(byte[] bytes, int from, int to) {
        return firstInvalid(bytes, from, to) < 0;
    }

    /** Rejects a record that is not well-formed UTF-8 as {@code invalid_encoding}, naming the bad sequence. */
    public static void check(byte[] record, int length) throws FieldError {
        int bad = firstInvalid(record, 0, length);
        if (bad >= 0) {
            throw new FieldError(RejectReason.INVALID_ENCODING, "not valid UTF-8: " + describe(record, bad, length)
                    + " at byte " + bad + " of the record");
        }
    }

    /**
     * Index of the first byte of the first ill-formed sequence in {@code bytes[from, to)}, or -1 when the
     * whole range is well-formed. A sequence cut by {@code to} is ill-formed (truncated).
     */
    public static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (true) {
            while (i + 8 <= to && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            while (i < to && bytes[i] >= 0) {
                i++;
            }
            if (i >= to) {
                return -1;
            }
            int n = sequenceLength(bytes, i, to);
            if (n < 0) {
                return i;
            }
            i += n;
        }
    }

    /**
     * Length of the well-formed multi-byte sequence whose lead byte is at {@code i}, or -1 when it is
     * ill-formed. The second byte's range is what rules out overlongs (E0, F0), surrogates (ED) and code
     * points above U+10FFFF (F4); later bytes are plain continuation bytes.
     */
    static int sequenceLength(byte[] b, int i, int to) {
        int lead = b[i] & 0xFF;
        int length;
        int lo = 0x80;
        int hi = 0xBF;
        if (lead < 0xC2) {
            return -1; // a continuation byte (80..BF) or an overlong two-byte lead (C0, C1)
        } else if (lead < 0xE0) {
            length = 2;
        } else if (lead < 0xF0) {
            length = 3;
            if (lead == 0xE0) {
                lo = 0xA0;
            } else if (lead == 0xED) {
                hi = 0x9F;
            }
        } else if (lead < 0xF5) {
            length = 4;
            if (lead == 0xF0) {
                lo = 0x90;
            } else if (lead == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + length > to) {
            return -1;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return length;
    }

    /**
     * Why the sequence at {@code at} (as returned by {@link #firstInvalid}) is ill-formed, naming its
     * bytes, e.g. {@code overlong encoding C0 AF of U+002F (2 bytes for a character that needs 1)}. The
     * caller adds where it is.
     */
    public static String describe(byte[] b, int at, int to) {
        int lead = b[at] & 0xFF;
        if (lead >= 0x80 && lead < 0xC0) {
            return "continuation byte " + hex(lead) + " without a lead byte";
        }
        boolean continued = at + 1 < to && (b[at + 1] & 0xC0) == 0x80;
        if (lead >= 0xF8 || (lead < 0xC2 && !continued)) {
            return "byte " + hex(lead) + " never occurs in UTF-8";
        }
        int length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        int present = 1;
        while (present < length && at + present < to && (b[at + present] & 0xC0) == 0x80) {
            present++;
        }
        String bytes = hexBytes(b, at, present);
        if (present < length) {
            return "truncated sequence " + bytes + ": the lead byte announces " + length + " bytes, found " + present;
        }
        int cp = switch (length) {
            case 2 -> (lead & 0x1F) << 6 | (b[at + 1] & 0x3F);
            case 3 -> (lead & 0x0F) << 12 | (b[at + 1] & 0x3F) << 6 | (b[at + 2] & 0x3F);
            default -> (lead & 0x07) << 18 | (b[at + 1] & 0x3F) << 12 | (b[at + 2] & 0x3F) << 6 | (b[at + 3] & 0x3F);
        };
        String u = String.format("U+%04X", cp);
        if (cp > 0x10FFFF) {
            return "sequence " + bytes + " encodes " + u + ", beyond the last code point U+10FFFF";
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return "sequence " + bytes + " encodes the UTF-16 surrogate " + u + ", which is not a character";
        }
        return "overlong encoding " + bytes + " of " + u + " (" + length + " bytes for a character that needs "
                + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3) + ")";
    }

    private static String hex(int b) {
        return String.format("0x%02X", b);
    }

    private static String hexBytes(byte[] b, int from, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format("%02X", b[from + i] & 0xFF));
        }
        return s.toString();
    }
}
