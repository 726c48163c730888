package io.sensoretl.decode;

import com.fasterxml.jackson.core.JsonPointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of a {@link JsonFieldPlan} straight from an NDJSON record's bytes. It validates the
 * whole record as strict JSON the way the reference decoder (Jackson, strict duplicate detection) sees
 * it, descends only where the plan has fields and skips everything else, and parses numbers in place.
 * It only accepts what it can decide with certainty: printable ASCII outside of whitespace, strings
 * without escapes, numbers in JSON's own grammar, objects of at most 64 keys nested at most 32 deep.
 * Anything else, and any record the reference would reject for its syntax, encoding or duplicate keys,
 * makes {@link #scan} return false so the record goes to the reference.
 *
 * <p>Written for the JIT the transform Lambda runs (C1 only, which keeps fields in memory and does
 * little loop optimisation): the position travels as a parameter and a return value (-1: decline)
 * rather than a field, and the plan's names live in flat arrays. Records of a dump mostly repeat one
 * key order, so at each key the plan's child that followed the previous key last time is tried first,
 * as one or two masked word compares of {@code name":} (the key, its closing quote and the colon).
 */
public final class JsonByteScanner extends ScannedFields {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_KEYS = 64;
    private static final int MAX_NUMBER_LENGTH = 64;

    // Plan nodes; their children are numbered in one flat space: child k of node i is childBase[i] + k.
    private final int[] childBase;
    /** Per node, the children by a key's first byte (node * 256 + byte): k + 1 of the first with it, 0 none. */
    private final int[] byFirstByte;
    /** Per child, k + 1 of the next child of its node with the same first byte, 0 none. */
    private final int[] nextWithFirstByte;
    private final byte[][] names;
    /** Per child, the name's first 8 bytes as a word, the mask of the name's first (up to) 8 bytes, its length. */
    private final long[] nameWords;
    private final long[] nameMasks;
    private final int[] nameLengths;
    /**
     * Per child, {@code name":} as up to two words with their masks, and its length (0: the name is empty
     * or longer than 14 bytes, and is only found through {@link #knownKey}).
     */
    private final long[] keyWord0;
    private final long[] keyMask0;
    private final long[] keyWord1;
    private final long[] keyMask1;
    private final int[] keyLengths;
    /**
     * The child expected at the next key: per node, index {@code followBase[node] + previous + 1} (previous:
     * the child read before in this object, -1 at its first key) holds that child's k, or -1. Learned from
     * the records: it only decides which name is compared first, never what a key is.
     */
    private final int[] followBase;
    private final int[] follow;
    /** Per node, the child named "" (the pointer {@code /}), or -1. */
    private final int[] emptyName;
    /** Per child, its plan node. */
    private final int[] childNode;
    private final int[] slotOf;
    /** A node with a child named like an array index: an array there would be descended into. */
    private final boolean[] indexChildren;
    private final JsonFieldPlan plan;

    private int len;
    private int[] keyStart = new int[MAX_KEYS * 4];
    private int[] keyEnd = new int[MAX_KEYS * 4];
    private int keyTop;

    public JsonByteScanner(JsonFieldPlan plan) {
        if (!plan.streamable()) {
            throw new IllegalArgumentException("the field plan is not streamable");
        }
        this.plan = plan;
        List<JsonFieldPlan.Node> nodes = new ArrayList<>();
        index(plan.root(), nodes);
        int n = nodes.size();
        childBase = new int[n];
        followBase = new int[n];
        emptyName = new int[n];
        slotOf = new int[n];
        indexChildren = new boolean[n];
        byFirstByte = new int[n * 256];
        int total = 0;
        for (int i = 0; i < n; i++) {
            int kids = nodes.get(i).children.size();
            if (kids > MAX_KEYS) {
                throw new IllegalArgumentException("the field plan reads more than " + MAX_KEYS + " fields of one object");
            }
            childBase[i] = total;
            followBase[i] = total + i;
            total += kids;
        }
        names = new byte[total][];
        childNode = new int[total];
        nextWithFirstByte = new int[total];
        nameWords = new long[total];
        nameMasks = new long[total];
        nameLengths = new int[total];
        keyWord0 = new long[total];
        keyMask0 = new long[total];
        keyWord1 = new long[total];
        keyMask1 = new long[total];
        keyLengths = new int[total];
        follow = new int[total + n];
        Arrays.fill(follow, -1);
        for (int i = 0; i < n; i++) {
            JsonFieldPlan.Node node = nodes.get(i);
            slotOf[i] = node.slot;
            emptyName[i] = -1;
            List<Map.Entry<String, JsonFieldPlan.Node>> kids = new ArrayList<>(node.children.entrySet());
            int base = childBase[i];
            for (int k = kids.size() - 1; k >= 0; k--) {
                String text = kids.get(k).getKey();
                byte[] name = text.getBytes(StandardCharsets.UTF_8);
                int c = base + k;
                names[c] = name;
                childNode[c] = nodes.indexOf(kids.get(k).getValue());
                indexChildren[i] |= !text.isEmpty() && text.chars().allMatch(ch -> ch >= '0' && ch <= '9');
                nameLengths[c] = name.length;
                if (name.length == 0) {
                    emptyName[i] = k;
                    continue;
                }
                if (!comparable(name)) {
                    continue; // such a key is never its raw bytes in valid JSON: only found escaped, which declines
                }
                nameWords[c] = Bytes.word(name, 0, Math.min(8, name.length));
                nameMasks[c] = -1L >>> (64 - 8 * Math.min(8, name.length));
                int first = name[0] & 0xFF;
                nextWithFirstByte[c] = byFirstByte[i * 256 + first];
                byFirstByte[i * 256 + first] = k + 1;
                if (name.length + 2 <= 16) {
                    byte[] key = Arrays.copyOf(name, name.length + 2);
                    key[name.length] = '"';
                    key[name.length + 1] = ':';
                    keyLengths[c] = key.length;
                    keyWord0[c] = Bytes.word(key, 0, Math.min(8, key.length));
                    keyMask0[c] = -1L >>> (64 - 8 * Math.min(8, key.length));
                    if (key.length > 8) {
                        keyWord1[c] = Bytes.word(key, 8, key.length - 8);
                        keyMask1[c] = -1L >>> (64 - 8 * (key.length - 8));
                    }
                }
            }
        }
        slots(plan.size());
    }

    /** A name whose bytes can be a key's raw bytes: no quote, backslash or control character. */
    private static boolean comparable(byte[] name) {
        for (byte c : name) {
            if (c == '"' || c == '\\' || (c >= 0 && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static void index(JsonFieldPlan.Node node, List<JsonFieldPlan.Node> out) {
        out.add(node);
        for (JsonFieldPlan.Node child : node.children.values()) {
            index(child, out);
        }
    }

    /** The slot of a JSON pointer of the plan, or -1. */
    public int slot(JsonPointer pointer) {
        return plan.slot(pointer);
    }

    @Override
    public boolean scan(byte[] record, int length) {
        bytes = record;
        len = length;
        keyTop = 0;
        Arrays.fill(kind, ABSENT);
        int p = ws(record, length, 0);
        if (p >= length || record[p] != '{') {
            return false;
        }
        p = object(0, p, 1);
        return p >= 0 && ws(record, length, p) == length;
    }

    /**
     * The position of the first byte at or after p that is not JSON whitespace. Records rarely have any:
     * the check of one byte is kept small enough for the JIT to inline at every call site, the loop is not.
     */
    private static int ws(byte[] b, int n, int p) {
        return p < n && b[p] <= ' ' ? wsRun(b, n, p) : p;
    }

    private static int wsRun(byte[] b, int n, int p) {
        while (p < n) {
            byte c = b[p];
            if (c != ' ' && c != '\t' && c != '\r') {
                return p;
            }
            p++;
        }
        return p;
    }

    /**
     * The object at p ('{'), {@code depth} deep; node is a plan node index or -1 for a skipped object.
     * Returns the position past the matching '}', or -1.
     */
    private int object(int node, int p, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        byte[] b = bytes;
        int n = len;
        p = ws(b, n, p + 1);
        if (p < n && b[p] == '}') {
            return p + 1;
        }
        long seen = 0;
        int keyBase = keyTop;
        int previous = -1;
        while (true) {
            if (p >= n || b[p] != '"') {
                return -1;
            }
            int ks = p + 1;
            int ke = -1;
            int child = -1;
            if (node >= 0) {
                int guess = follow[followBase[node] + previous + 1];
                int c = childBase[node] + guess;
                int kl;
                if (guess >= 0 && (kl = keyLengths[c]) > 0 && ks + kl <= n && ks + 16 <= b.length
                        && (Bytes.word(b, ks) & keyMask0[c]) == keyWord0[c]
                        && (Bytes.word(b, ks + 8) & keyMask1[c]) == keyWord1[c]) {
                    child = guess;
                    p = ks + kl; // past the colon
                } else {
                    child = knownKey(b, n, node, ks);
                    if (child >= 0) {
                        follow[followBase[node] + previous + 1] = child;
                        p = colon(b, n, ks + nameLengths[childBase[node] + child] + 1);
                    }
                }
                if (child >= 0) {
                    previous = child;
                }
            }
            if (child < 0) {
                ke = stringEnd(b, n, ks);
                if (ke < 0) {
                    return -1;
                }
                p = colon(b, n, ke + 1);
            }
            if (p < 0) {
                return -1;
            }
            p = ws(b, n, p);
            if (p >= n) {
                return -1;
            }
            if (child >= 0) {
                long bit = 1L << child;
                if ((seen & bit) != 0) {
                    return -1; // duplicate key: the reference rejects it
                }
                seen |= bit;
                p = value(childNode[childBase[node] + child], p, depth);
            } else {
                p = unknownKey(b, ks, ke, keyBase, p, depth);
            }
            if (p < 0) {
                return -1;
            }
            p = ws(b, n, p);
            if (p >= n) {
                return -1;
            }
            byte c = b[p++];
            if (c == '}') {
                keyTop = keyBase;
                return p;
            }
            if (c != ',') {
                return -1;
            }
            p = ws(b, n, p);
        }
    }

    /** Past the ':' that follows a key ending before p (whitespace allowed between), or -1. */
    private static int colon(byte[] b, int n, int p) {
        p = ws(b, n, p);
        return p < n && b[p] == ':' ? p + 1 : -1;
    }

    /**
     * A key the plan does not read ({@code b[ks, ke)}): declines a duplicate of an earlier such key of the
     * object, then skips its value at p. Returns the position past it, or -1.
     */
    private int unknownKey(byte[] b, int ks, int ke, int keyBase, int p, int depth) {
        if (keyTop == keyStart.length || keyTop - keyBase >= MAX_KEYS) {
            return -1;
        }
        for (int k = keyBase; k < keyTop; k++) {
            if (keyEnd[k] - keyStart[k] == ke - ks && Arrays.equals(b, keyStart[k], keyEnd[k], b, ks, ke)) {
                return -1;
            }
        }
        keyStart[keyTop] = ks;
        keyEnd[keyTop] = ke;
        keyTop++;
        return skipValue(p, depth);
    }

    /**
     * The child of {@code node} whose name the key starting at {@code ks} is (its closing quote right
     * after the name), or -1 for a key the plan does not know. A known name is plain text, so the key
     * needs no further checks.
     */
    private int knownKey(byte[] b, int n, int node, int ks) {
        if (ks >= n) {
            return -1;
        }
        if (b[ks] == '"') {
            return emptyName[node];
        }
        int base = childBase[node];
        // the key's first 8 bytes, read once for every candidate (bytes past the record are masked off
        // or fail the closing-quote check)
        long key = ks + 8 <= b.length ? Bytes.word(b, ks) : Bytes.word(b, ks, Math.min(8, b.length - ks));
        for (int k = byFirstByte[node * 256 + (b[ks] & 0xFF)] - 1; k >= 0; k = nextWithFirstByte[base + k] - 1) {
            int c = base + k;
            int l = nameLengths[c];
            if (ks + l < n && b[ks + l] == '"' && (key & nameMasks[c]) == nameWords[c]
                    && (l <= 8 || Arrays.equals(names[c], 8, l, b, ks + 8, ks + l))) {
                return k;
            }
        }
        return -1;
    }

    /** The value at p for plan node {@code node}, in an object {@code depth} deep; the position past it, or -1. */
    private int value(int node, int p, int depth) {
        byte[] b = bytes;
        int slot = slotOf[node];
        byte c = b[p];
        if (slot < 0) {
            if (c == '{') {
                return object(node, p, depth + 1);
            }
            if (c == '[' && indexChildren[node]) {
                return -1; // the plan descends into arrays by index: the reference's job
            }
            return skipValue(p, depth); // a scalar or array where the plan descends: its fields are absent
        }
        if (c == '"') {
            int s = p + 1;
            int e = stringEnd(b, len, s);
            if (e < 0) {
                return -1;
            }
            if (numeric[slot]) {
                for (int i = s; i < e; i++) {
                    if (b[i] != ' ') {
                        kind[slot] = QUOTED; // parsed (or rejected) by the reference's own number parser
                        start[slot] = s;
                        end[slot] = e;
                        return e + 1;
                    }
                }
                return e + 1; // blank text where a number is wanted counts as absent
            }
            if (e > s) {
                kind[slot] = TEXT;
                start[slot] = s;
                end[slot] = e;
            }
            return e + 1;
        }
        if (numeric[slot]) {
            int q = nonFinite(p);
            if (q >= 0) {
                kind[slot] = NOT_FINITE;
                start[slot] = p;
                end[slot] = q;
                return q;
            }
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            if (!numeric[slot]) {
                return -1; // a number where text is wanted (numeric ids): the reference's job
            }
            int q = number(slot, p);
            if (q >= 0) {
                start[slot] = p;
                end[slot] = q;
            }
            return q;
        }
        if (c == 'n') {
            return literal(p, "null");
        }
        if (numeric[slot] && (c == 't' || c == 'f')) {
            int q = literal(p, c == 't' ? "true" : "false");
            if (q >= 0) {
                kind[slot] = BOOLEAN;
                start[slot] = p;
                end[slot] = q;
            }
            return q;
        }
        return -1; // other wrong types (booleans as text, objects, arrays): decided by the reference
    }

    /** Past a NaN, Infinity or -Infinity token at p (which Jackson reads as the double), or -1. */
    private int nonFinite(int p) {
        byte c = bytes[p];
        if (c == 'N') {
            return literal(p, "NaN");
        }
        if (c == 'I') {
            return literal(p, "Infinity");
        }
        if (c == '-' && p + 1 < len && bytes[p + 1] == 'I') {
            return literal(p + 1, "Infinity");
        }
        return -1;
    }

    /** Skips the value at p, {@code depth} deep; the position past it, or -1. */
    private int skipValue(int p, int depth) {
        byte c = bytes[p];
        switch (c) {
            case '"' -> {
                int e = stringEnd(bytes, len, p + 1);
                return e < 0 ? -1 : e + 1;
            }
            case '{' -> {
                return object(-1, p, depth + 1);
            }
            case '[' -> {
                return array(p, depth + 1);
            }
            case 't' -> {
                return literal(p, "true");
            }
            case 'f' -> {
                return literal(p, "false");
            }
            case 'n' -> {
                return literal(p, "null");
            }
            default -> {
                int q = nonFinite(p);
                if (q >= 0) {
                    return q;
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(-1, p);
                }
                return -1;
            }
        }
    }

    /** The array at p ('['), {@code depth} deep; the position past its ']', or -1. */
    private int array(int p, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        byte[] b = bytes;
        int n = len;
        p = ws(b, n, p + 1);
        if (p < n && b[p] == ']') {
            return p + 1;
        }
        while (true) {
            if (p >= n || (p = skipValue(p, depth)) < 0) {
                return -1;
            }
            p = ws(b, n, p);
            if (p >= n) {
                return -1;
            }
            byte c = b[p++];
            if (c == ']') {
                return p;
            }
            if (c != ',') {
                return -1;
            }
            p = ws(b, n, p);
        }
    }

    /** Past {@code word} at p when a delimiter follows it, or -1. */
    private int literal(int p, String word) {
        int n = word.length();
        if (p + n > len) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[p + i] != word.charAt(i)) {
                return -1;
            }
        }
        return delimiterAt(bytes, len, p + n) ? p + n : -1;
    }

    /** A token must be followed by whitespace, a separator or the end (Jackson reports "nullx" or "1a"). */
    private static boolean delimiterAt(byte[] b, int n, int p) {
        if (p >= n) {
            return true;
        }
        byte c = b[p];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r';
    }

    /**
     * Index of the closing quote of a string starting at {@code from}, or -1 when the string holds an
     * escape, a control character, DEL or a non-ASCII byte, or is not closed before {@code n}.
     */
    private static int stringEnd(byte[] b, int n, int from) {
        int i = from;
        // a word at a time, also past the record's end while the array has bytes (they are not trusted:
        // a stop found at or past n means the string is not closed); the lowest flagged byte is exact,
        // as the SWAR tests flag false bytes only above a true one
        int words = b.length - 8;
        while (i <= words && i < n) {
            long w = Bytes.word(b, i);
            long stop = Bytes.has(w, '"') | Bytes.has(w, '\\') | Bytes.unprintable(w);
            if (stop != 0) {
                int at = i + (Long.numberOfTrailingZeros(stop) >>> 3);
                return at < n && b[at] == '"' ? at : -1;
            }
            i += 8;
        }
        for (; i < n; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\' || c == 0x7F) {
                return -1; // negative bytes (non-ASCII) are below 0x20 too
            }
        }
        return -1;
    }

    /**
     * The number at p in JSON's grammar (no leading zeros, digits after a point and in an exponent), the
     * position past it or -1; for a numeric slot its value as the reference reads it: an integer token as
     * the exact integer's double ({@code -0} is {@code 0.0}), a float token correctly rounded. -1 for
     * anything else, including values the reference rejects (too long, not finite) or reads through a
     * big-number path.
     */
    private int number(int slot, int p) {
        byte[] b = bytes;
        int n = len;
        int s = p;
        int i = p;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= n) {
            return -1;
        }
        long significand = 0;
        int digits = 0; // significant digits accumulated (leading zeros excluded)
        int fractionDigits = 0;
        boolean isFloat = false;
        int d = b[i] - '0';
        if (d == 0) {
            i++;
            if (i < n && b[i] >= '0' && b[i] <= '9') {
                return -1; // leading zero
            }
        } else if (d > 0 && d <= 9) {
            do {
                if (digits < 19) {
                    significand = significand * 10 + d;
                }
                digits++;
                i++;
            } while (i < n && (d = b[i] - '0') >= 0 && d <= 9);
        } else {
            return -1;
        }
        if (i < n && b[i] == '.') {
            isFloat = true;
            i++;
            int first = i;
            while (i < n && (d = b[i] - '0') >= 0 && d <= 9) {
                if (digits > 0 || d != 0) {
                    if (digits < 19) {
                        significand = significand * 10 + d;
                    }
                    digits++;
                }
                fractionDigits++;
                i++;
            }
            if (i == first) {
                return -1;
            }
        }
        int exponent = 0;
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            isFloat = true;
            i++;
            boolean negativeExponent = false;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int first = i;
            while (i < n && (d = b[i] - '0') >= 0 && d <= 9) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + d;
                }
                i++;
            }
            if (i == first) {
                return -1;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i - s > MAX_NUMBER_LENGTH || !delimiterAt(b, n, i)) {
            return -1;
        }
        if (slot < 0) {
            return i;
        }
        double v;
        if (!isFloat) {
            if (digits > 18) {
                return -1; // beyond a long: Jackson reads a BigInteger
            }
            v = negative ? (double) -significand : (double) significand;
        } else if (FastDoubles.fits(digits, exponent - fractionDigits)) {
            v = FastDoubles.exact(significand, negative, exponent - fractionDigits);
        } else {
            v = FastDoubles.jackson(b, s, i);
            if (!Double.isFinite(v)) {
                return -1;
            }
        }
        kind[slot] = NUMBER;
        number[slot] = v;
        return i;
    }
}
