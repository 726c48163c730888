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
 */
public final class JsonByteScanner extends ScannedFields {
    private static final int MAX_DEPTH = 32;
    private static final int MAX_KEYS = 64;
    private static final int MAX_NUMBER_LENGTH = 64;

    /** Plan nodes: children's names and node indexes, the node's slot (leaf) or -1. */
    private final byte[][][] names;
    /** Per node, the children by a key's first byte: index + 1 of the first with it, then a chain. */
    private final byte[][] byFirstByte;
    private final byte[][] nextWithFirstByte;
    /** Per node and child, the name's first 8 bytes as a word (names are compared a word at a time). */
    private final long[][] nameWords;
    /** Per node and child, the mask of the name's first (up to) 8 bytes in a word, and the name's length. */
    private final long[][] nameMasks;
    private final int[][] nameLengths;
    /** Per node, the child named "" (the pointer {@code /}), or -1. */
    private final int[] emptyName;
    private final int[][] children;
    private final int[] slotOf;
    /** A node with a child named like an array index: an array there would be descended into. */
    private final boolean[] indexChildren;
    private final JsonFieldPlan plan;

    private int pos;
    private int len;
    private int depth;
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
        names = new byte[n][][];
        byFirstByte = new byte[n][];
        nextWithFirstByte = new byte[n][];
        nameWords = new long[n][];
        nameMasks = new long[n][];
        nameLengths = new int[n][];
        emptyName = new int[n];
        children = new int[n][];
        slotOf = new int[n];
        indexChildren = new boolean[n];
        for (int i = 0; i < n; i++) {
            JsonFieldPlan.Node node = nodes.get(i);
            slotOf[i] = node.slot;
            List<Map.Entry<String, JsonFieldPlan.Node>> kids = new ArrayList<>(node.children.entrySet());
            if (kids.size() > MAX_KEYS) {
                throw new IllegalArgumentException("the field plan reads more than " + MAX_KEYS + " fields of one object");
            }
            names[i] = new byte[kids.size()][];
            children[i] = new int[kids.size()];
            for (int k = 0; k < kids.size(); k++) {
                String name = kids.get(k).getKey();
                names[i][k] = name.getBytes(StandardCharsets.UTF_8);
                children[i][k] = nodes.indexOf(kids.get(k).getValue());
                indexChildren[i] |= !name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9');
            }
            emptyName[i] = -1;
            byFirstByte[i] = new byte[256];
            nextWithFirstByte[i] = new byte[kids.size()];
            nameWords[i] = new long[kids.size()];
            nameMasks[i] = new long[kids.size()];
            nameLengths[i] = new int[kids.size()];
            for (int k = kids.size() - 1; k >= 0; k--) {
                byte[] name = names[i][k];
                nameWords[i][k] = Bytes.word(name, 0, Math.min(8, name.length));
                nameMasks[i][k] = name.length == 0 ? 0 : -1L >>> (64 - 8 * Math.min(8, name.length));
                nameLengths[i][k] = name.length;
                if (name.length == 0) {
                    emptyName[i] = k;
                } else {
                    int first = name[0] & 0xFF;
                    nextWithFirstByte[i][k] = byFirstByte[i][first];
                    byFirstByte[i][first] = (byte) (k + 1);
                }
            }
        }
        slots(plan.size());
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
        pos = 0;
        depth = 0;
        keyTop = 0;
        Arrays.fill(kind, ABSENT);
        skipWhitespace();
        if (pos >= len || bytes[pos] != '{' || !object(0)) {
            return false;
        }
        skipWhitespace();
        return pos == len;
    }

    /**
     * Skips JSON whitespace at pos. Records rarely have any: the check of one byte is kept small enough
     * for the JIT to inline at every call site (C1 included, which the Lambda runs with), the loop is not.
     */
    private void skipWhitespace() {
        if (pos < len && bytes[pos] <= ' ') {
            skipWhitespaceRun();
        }
    }

    private void skipWhitespaceRun() {
        byte[] b = bytes;
        while (pos < len) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    /** At '{'; node is a plan node index or -1 for a skipped object. Ends past the matching '}'. */
    private boolean object(int node) {
        if (++depth > MAX_DEPTH) {
            return false;
        }
        pos++;
        skipWhitespace();
        if (pos < len && bytes[pos] == '}') {
            pos++;
            depth--;
            return true;
        }
        long seen = 0;
        int keyBase = keyTop;
        while (true) {
            if (pos >= len || bytes[pos] != '"') {
                return false;
            }
            int ks = pos + 1;
            int child = node < 0 ? -1 : knownKey(node, ks);
            int ke = child >= 0 ? ks + names[node][child].length : stringEnd(ks);
            if (ke < 0) {
                return false;
            }
            pos = ke + 1;
            skipWhitespace();
            if (pos >= len || bytes[pos] != ':') {
                return false;
            }
            pos++;
            skipWhitespace();
            if (pos >= len) {
                return false;
            }
            if (child >= 0) {
                long bit = 1L << child;
                if ((seen & bit) != 0) {
                    return false; // duplicate key: the reference rejects it
                }
                seen |= bit;
                if (!value(children[node][child])) {
                    return false;
                }
            } else {
                if (keyTop == keyStart.length || keyTop - keyBase >= MAX_KEYS) {
                    return false;
                }
                for (int k = keyBase; k < keyTop; k++) {
                    if (keyEnd[k] - keyStart[k] == ke - ks && Arrays.equals(bytes, keyStart[k], keyEnd[k], bytes, ks, ke)) {
                        return false;
                    }
                }
                keyStart[keyTop] = ks;
                keyEnd[keyTop] = ke;
                keyTop++;
                if (!skipValue()) {
                    return false;
                }
            }
            skipWhitespace();
            if (pos >= len) {
                return false;
            }
            byte c = bytes[pos++];
            if (c == '}') {
                keyTop = keyBase;
                depth--;
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipWhitespace();
        }
    }

    /**
     * The child of {@code node} whose name the key starting at {@code ks} is (its closing quote right
     * after the name), or -1 for a key the plan does not know. A known name is plain text, so the key
     * needs no further checks.
     */
    private int knownKey(int node, int ks) {
        if (ks >= len) {
            return -1;
        }
        byte[] b = bytes;
        if (b[ks] == '"') {
            return emptyName[node];
        }
        byte[] next = nextWithFirstByte[node];
        long[] words = nameWords[node];
        long[] masks = nameMasks[node];
        int[] lengths = nameLengths[node];
        // the key's first 8 bytes, read once for every candidate (bytes past the record are masked off
        // or fail the closing-quote check)
        long key = ks + 8 <= b.length ? Bytes.word(b, ks) : Bytes.word(b, ks, Math.min(8, b.length - ks));
        for (int k = byFirstByte[node][b[ks] & 0xFF] - 1; k >= 0; k = next[k] - 1) {
            int l = lengths[k];
            if (ks + l < len && b[ks + l] == '"' && (key & masks[k]) == words[k]
                    && (l <= 8 || Arrays.equals(names[node][k], 8, l, b, ks + 8, ks + l))) {
                return k;
            }
        }
        return -1;
    }

    /** The value at pos for plan node {@code node}. */
    private boolean value(int node) {
        int slot = slotOf[node];
        if (slot < 0) {
            byte c = bytes[pos];
            if (c == '{') {
                return object(node);
            }
            if (c == '[' && indexChildren[node]) {
                return false; // the plan descends into arrays by index: the reference's job
            }
            return skipValue(); // a scalar or array where the plan descends: its fields are absent
        }
        byte c = bytes[pos];
        if (c == '"') {
            int s = pos + 1;
            int e = stringEnd(s);
            if (e < 0) {
                return false;
            }
            pos = e + 1;
            if (numeric[slot]) {
                for (int i = s; i < e; i++) {
                    if (bytes[i] != ' ') {
                        kind[slot] = QUOTED; // parsed (or rejected) by the reference's own number parser
                        start[slot] = s;
                        end[slot] = e;
                        return true;
                    }
                }
                return true; // blank text where a number is wanted counts as absent
            }
            if (e > s) {
                kind[slot] = TEXT;
                start[slot] = s;
                end[slot] = e;
            }
            return true;
        }
        int s = pos;
        if (numeric[slot] && nonFinite()) {
            kind[slot] = NOT_FINITE;
            start[slot] = s;
            end[slot] = pos;
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            if (!numeric[slot]) {
                return false; // a number where text is wanted (numeric ids): the reference's job
            }
            if (!parseNumber(slot)) {
                return false;
            }
            start[slot] = s;
            end[slot] = pos;
            return true;
        }
        if (c == 'n') {
            return literal("null");
        }
        if (numeric[slot] && (c == 't' || c == 'f') && literal(c == 't' ? "true" : "false")) {
            kind[slot] = BOOLEAN;
            start[slot] = s;
            end[slot] = pos;
            return true;
        }
        return false; // other wrong types (booleans as text, objects, arrays): decided by the reference
    }

    /** A NaN, Infinity or -Infinity token (which Jackson reads as the double), consumed; false leaves pos. */
    private boolean nonFinite() {
        byte c = bytes[pos];
        if (c == 'N') {
            return literal("NaN");
        }
        if (c == 'I') {
            return literal("Infinity");
        }
        if (c == '-' && pos + 1 < len && bytes[pos + 1] == 'I') {
            int at = pos;
            pos++;
            if (literal("Infinity")) {
                return true;
            }
            pos = at;
        }
        return false;
    }

    private boolean skipValue() {
        byte c = bytes[pos];
        switch (c) {
            case '"' -> {
                int e = stringEnd(pos + 1);
                if (e < 0) {
                    return false;
                }
                pos = e + 1;
                return true;
            }
            case '{' -> {
                return object(-1);
            }
            case '[' -> {
                return array();
            }
            case 't' -> {
                return literal("true");
            }
            case 'f' -> {
                return literal("false");
            }
            case 'n' -> {
                return literal("null");
            }
            default -> {
                if (nonFinite()) {
                    return true;
                }
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return parseNumber(-1);
                }
                return false;
            }
        }
    }

    private boolean array() {
        if (++depth > MAX_DEPTH) {
            return false;
        }
        pos++;
        skipWhitespace();
        if (pos < len && bytes[pos] == ']') {
            pos++;
            depth--;
            return true;
        }
        while (true) {
            if (pos >= len || !skipValue()) {
                return false;
            }
            skipWhitespace();
            if (pos >= len) {
                return false;
            }
            byte c = bytes[pos++];
            if (c == ']') {
                depth--;
                return true;
            }
            if (c != ',') {
                return false;
            }
            skipWhitespace();
        }
    }

    private boolean literal(String word) {
        int n = word.length();
        if (pos + n > len) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return delimiterFollows();
    }

    /** A token must be followed by whitespace, a separator or the end (Jackson reports "nullx" or "1a"). */
    private boolean delimiterFollows() {
        if (pos >= len) {
            return true;
        }
        byte c = bytes[pos];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r';
    }

    /**
     * Index of the closing quote of a string starting at {@code from}, or -1 when the string holds an
     * escape, a control character, DEL or a non-ASCII byte, or is not closed.
     */
    private int stringEnd(int from) {
        byte[] b = bytes;
        int i = from;
        // a word at a time, also past the record's end while the array has bytes (they are not trusted:
        // a stop found at or past len means the string is not closed); the lowest flagged byte is exact,
        // as the SWAR tests flag false bytes only above a true one
        int words = b.length - 8;
        while (i <= words && i < len) {
            long w = Bytes.word(b, i);
            long stop = Bytes.has(w, '"') | Bytes.has(w, '\\') | Bytes.unprintable(w);
            if (stop != 0) {
                int at = i + (Long.numberOfTrailingZeros(stop) >>> 3);
                return at < len && b[at] == '"' ? at : -1;
            }
            i += 8;
        }
        for (; i < len; i++) {
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
     * A number in JSON's grammar (no leading zeros, digits after a point and in an exponent); for a
     * numeric slot its value as the reference reads it: an integer token as the exact integer's double
     * ({@code -0} is {@code 0.0}), a float token correctly rounded. False for anything else, including
     * values the reference rejects (too long, not finite) or reads through a big-number path.
     */
    private boolean parseNumber(int slot) {
        byte[] b = bytes;
        int s = pos;
        int i = pos;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= len) {
            return false;
        }
        long significand = 0;
        int digits = 0; // significant digits accumulated (leading zeros excluded)
        int fractionDigits = 0;
        boolean isFloat = false;
        if (b[i] == '0') {
            i++;
            if (i < len && b[i] >= '0' && b[i] <= '9') {
                return false; // leading zero
            }
        } else if (b[i] >= '1' && b[i] <= '9') {
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                if (digits < 19) {
                    significand = significand * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
        } else {
            return false;
        }
        if (i < len && b[i] == '.') {
            isFloat = true;
            i++;
            int first = i;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                if (digits > 0 || b[i] != '0') {
                    if (digits < 19) {
                        significand = significand * 10 + (b[i] - '0');
                    }
                    digits++;
                }
                fractionDigits++;
                i++;
            }
            if (i == first) {
                return false;
            }
        }
        int exponent = 0;
        if (i < len && (b[i] == 'e' || b[i] == 'E')) {
            isFloat = true;
            i++;
            boolean negativeExponent = false;
            if (i < len && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int first = i;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == first) {
                return false;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i - s > MAX_NUMBER_LENGTH) {
            return false;
        }
        pos = i;
        if (!delimiterFollows()) {
            return false;
        }
        if (slot < 0) {
            return true;
        }
        double v;
        if (!isFloat) {
            if (digits > 18) {
                return false; // beyond a long: Jackson reads a BigInteger
            }
            v = negative ? (double) -significand : (double) significand;
        } else if (FastDoubles.fits(digits, exponent - fractionDigits)) {
            v = FastDoubles.exact(significand, negative, exponent - fractionDigits);
        } else {
            v = FastDoubles.jackson(b, s, i);
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        kind[slot] = NUMBER;
        number[slot] = v;
        return true;
    }
}
