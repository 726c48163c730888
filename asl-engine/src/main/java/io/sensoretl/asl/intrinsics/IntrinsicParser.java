package io.sensoretl.asl.intrinsics;

import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.path.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** Parses intrinsic calls: string literals in single quotes (with \' \{ \} \\ escapes), numbers, paths, nested calls. */
public final class IntrinsicParser {
    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    public static IntrinsicExpression.Call parse(String text) {
        IntrinsicParser p = new IntrinsicParser(text.trim());
        IntrinsicExpression e = p.expression();
        p.skipSpace();
        if (p.pos != p.text.length() || !(e instanceof IntrinsicExpression.Call call)) {
            throw new IllegalArgumentException("invalid intrinsic function call: " + text);
        }
        IntrinsicFunctions.checkKnown(call);
        return call;
    }

    private IntrinsicExpression expression() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new IntrinsicExpression.Literal(Json.text(stringLiteral()));
        }
        if (c == '$') {
            int start = pos;
            int depth = 0;
            boolean inQuote = false;
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                if (ch == '\'' && depth > 0) {
                    inQuote = !inQuote;
                } else if (!inQuote && ch == '[') {
                    depth++;
                } else if (!inQuote && ch == ']') {
                    depth--;
                } else if (!inQuote && depth == 0 && (ch == ',' || ch == ')' || Character.isWhitespace(ch))) {
                    break;
                }
                pos++;
            }
            return new IntrinsicExpression.Path(JsonPath.parse(text.substring(start, pos)));
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos;
            pos++;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || "eE+-.".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            return new IntrinsicExpression.Literal(Json.parse(text.substring(start, pos)));
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "true", "false", "null" -> {
                return new IntrinsicExpression.Literal(Json.parse(word));
            }
            default -> { }
        }
        skipSpace();
        if (!word.startsWith("States.") || pos >= text.length() || text.charAt(pos) != '(') {
            throw error("expected a literal, a path or a States.* call, got '" + word + "'");
        }
        pos++;
        List<IntrinsicExpression> args = new ArrayList<>();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            return new IntrinsicExpression.Call(word, List.of());
        }
        while (true) {
            args.add(expression());
            skipSpace();
            if (pos >= text.length()) {
                throw error("missing ')'");
            }
            char sep = text.charAt(pos++);
            if (sep == ')') {
                break;
            }
            if (sep != ',') {
                throw error("expected ',' or ')'");
            }
        }
        return new IntrinsicExpression.Call(word, List.copyOf(args));
    }

    /**
     * Keeps backslash escapes (except \' ) in the literal: States.Format must tell an escaped brace
     * from a placeholder, so unescaping happens where the literal is used (see {@link StringLiterals}).
     */
    private String stringLiteral() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (ch == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                if (next != '\'') {
                    sb.append('\\');
                }
                sb.append(next);
            } else if (ch == '\'') {
                return sb.toString();
            } else {
                sb.append(ch);
            }
        }
        throw error("unterminated string literal");
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid intrinsic function '" + text + "' at " + pos + ": " + what);
    }
}
