package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;

/**
 * Recognises CR-only line ends (classic Mac OS text). Records end at line feeds, so such a file reads as
 * one enormous line; a carriage return that is not followed by a line feed names the cause instead.
 */
public final class LineEnds {
    private LineEnds() {}

    /**
     * Index of the first carriage return in {@code b[from, to)} followed by a byte other than a line feed,
     * or -1. A carriage return as the range's last byte does not count (it may precede a line feed).
     */
    public static int firstBareCarriageReturn(byte[] b, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (b[i] == '\r' && b[i + 1] != '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The reject for a record holding a bare carriage return; {@code where} e.g. "at byte 57 of the record". */
    public static FieldError crOnly(String where) {
        return new FieldError(RejectReason.CR_LINE_ENDS, crOnlyMessage(where));
    }

    public static String crOnlyMessage(String where) {
        return "a carriage return (CR) not followed by a line feed (LF) " + where + ": the file seems to use CR-only "
                + "line ends (classic Mac OS), which are not supported; convert them to LF or CRLF line ends (for "
                + "example: tr '\\r' '\\n' < old > new)";
    }
}
