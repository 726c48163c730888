package io.sensoretl.asl.path;

import java.util.ArrayList;
import java.util.List;

/** Parses ASL paths; rejects what the States Language does not allow with a message naming the position. */
final class JsonPathParser {
    private final String text;
    private int pos;

    private JsonPathParser(String text) {
        this.text = text;
    }

    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        return new JsonPathParser(text).parse();
    }

    private JsonPath parse() {
        JsonPath.Root root;
        String variable = null;
        pos = 1;
        if (text.startsWith("$$")) {
            root = JsonPath.Root.CONTEXT;
            pos = 2;
        } else if (pos < text.length() && isNameChar(text.charAt(pos))) {
            root = JsonPath.Root.VARIABLE;
            int start = pos;
            while (pos < text.length() && isNameChar(text.charAt(pos))) {
                pos++;
            }
            variable = text.substring(start, pos);
        } else {
            root = JsonPath.Root.INPUT;
        }
        List<JsonPath.Segment> segments = new ArrayList<>();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '.' && pos + 1 < text.length() && text.charAt(pos + 1) == '[') {
                // "$.[0]", "$.[?(@.x > 0)]": Jayway (and so AWS) reads a dot before a bracket as nothing
                pos++;
            } else if (c == '.') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '.') {
                    pos += 2;
                    segments.add(new JsonPath.Descend(readName()));
                } else {
                    pos++;
                    String name = readName();
                    if (name.endsWith("()") && pos == text.length()) {
                        segments.add(PathFunctions.segment(name.substring(0, name.length() - 2), text));
                    } else {
                        segments.add(name.equals("*") ? new JsonPath.Wildcard() : new JsonPath.Field(name));
                    }
                }
            } else if (c == '[') {
                segments.add(readBracket());
            } else {
                throw error("unexpected '" + c + "'");
            }
        }
        return new JsonPath(text, root, variable, List.copyOf(segments));
    }

    private String readName() {
        int start = pos;
        if (pos < text.length() && text.charAt(pos) == '*') {
            pos++;
            return "*";
        }
        while (pos < text.length() && text.charAt(pos) != '.' && text.charAt(pos) != '[') {
            pos++;
        }
        if (start == pos) {
            throw error("empty field name");
        }
        return text.substring(start, pos);
    }

    private JsonPath.Segment readBracket() {
        int close;
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
            char quote = text.charAt(pos);
            // quoted names are literal up to the closing quote that ends the bracket: AWS does not unescape them
            int end = text.indexOf(String.valueOf(quote) + "]", pos + 1);
            if (end < 0) {
                throw error("unterminated quoted name");
            }
            StringBuilder name = new StringBuilder(text.substring(pos + 1, end));
            pos = end + 2;
            return new JsonPath.Field(name.toString());
        }
        if (text.startsWith("?(", pos)) {
            int end = filterEnd(pos + 2);
            String body = text.substring(pos + 2, end);
            pos = end + 1;
            expect(']');
            try {
                return new JsonPath.Filter(FilterPredicate.parse(body));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }
        close = text.indexOf(']', pos);
        if (close < 0) {
            throw error("missing ']'");
        }
        String body = text.substring(pos, close).trim();
        pos = close + 1;
        if (body.equals("*")) {
            return new JsonPath.Wildcard();
        }
        if (body.contains(",")) {
            List<JsonPath.Segment> members = new ArrayList<>();
            for (String part : body.split(",")) {
                String p = part.strip();
                if (p.length() >= 2 && (p.startsWith("'") && p.endsWith("'") || p.startsWith("\"") && p.endsWith("\""))) {
                    members.add(new JsonPath.Field(p.substring(1, p.length() - 1)));
                } else {
                    try {
                        members.add(new JsonPath.Index(Integer.parseInt(p)));
                    } catch (NumberFormatException e) {
                        throw error("bad union member '" + p + "'");
                    }
                }
            }
            return new JsonPath.Union(List.copyOf(members));
        }
        if (body.contains(":")) {
            String[] parts = body.split(":", -1);
            return new JsonPath.Slice(intOrNull(parts[0]), intOrNull(parts[1]), parts.length > 2 ? intOrNull(parts[2]) : null);
        }
        try {
            return new JsonPath.Index(Integer.parseInt(body));
        } catch (NumberFormatException e) {
            throw error("bad index '" + body + "'");
        }
    }

    /** The index of the ')' closing a filter that starts at from, skipping nested parentheses and quotes. */
    private int filterEnd(int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw error("unterminated filter");
    }

    private Integer intOrNull(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("bad slice bound '" + t + "'");
        }
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid path '" + text + "' at " + pos + ": " + what);
    }
}
