package io.sensoretl.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.json.JsonEquivalence;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSONPath filter {@code [?(...)]} as Jayway (and so AWS) evaluates it on each array element:
 * {@code @.a.b} existence, comparisons {@code == != < <= > >=} with literals or other {@code @} paths,
 * combined with {@code &&}, {@code ||} and parentheses.
 */
public sealed interface FilterPredicate {

    /**
     * @param element the array element (or object) the filter looks at, {@code @}
     * @param root    the node the whole path is evaluated on, {@code $}
     */
    boolean test(JsonNode element, JsonNode root);

    record Or(List<FilterPredicate> terms) implements FilterPredicate {
        @Override
        public boolean test(JsonNode e, JsonNode root) {
            return terms.stream().anyMatch(t -> t.test(e, root));
        }
    }

    record And(List<FilterPredicate> terms) implements FilterPredicate {
        @Override
        public boolean test(JsonNode e, JsonNode root) {
            return terms.stream().allMatch(t -> t.test(e, root));
        }
    }

    record Exists(List<String> fields) implements FilterPredicate {
        @Override
        public boolean test(JsonNode e, JsonNode root) {
            return select(e, fields) != null;
        }
    }

    /**
     * {@code @.a op literal}, {@code @.a op @.b}, or {@code @.a op $.b} (the right-hand path read from the root
     * of the document, as Jayway does).
     */
    record Compare(List<String> left, String operator, JsonNode literal, List<String> rightPath, boolean rightFromRoot)
            implements FilterPredicate {
        @Override
        public boolean test(JsonNode e, JsonNode root) {
            JsonNode a = select(e, left);
            JsonNode b = rightPath != null ? select(rightFromRoot ? root : e, rightPath) : literal;
            if (a == null || b == null) {
                return false;
            }
            if (operator.equals("==")) {
                return JsonEquivalence.equivalent(a, b);
            }
            if (operator.equals("!=")) {
                return !JsonEquivalence.equivalent(a, b);
            }
            int cmp;
            if (a.isNumber() && b.isNumber()) {
                cmp = a.decimalValue().compareTo(b.decimalValue());
            } else if (a.isTextual() && b.isTextual()) {
                cmp = a.textValue().compareTo(b.textValue());
            } else {
                return false;
            }
            return switch (operator) {
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> false;
            };
        }
    }

    private static JsonNode select(JsonNode e, List<String> fields) {
        JsonNode current = e;
        for (String f : fields) {
            if (current == null || !current.isObject() || !current.has(f)) {
                return null;
            }
            current = current.get(f);
        }
        return current;
    }

    static FilterPredicate parse(String text) {
        return new Parser(text).parse();
    }

    /** Recursive descent over the filter text between "?(" and ")". */
    final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        FilterPredicate parse() {
            FilterPredicate p = or();
            space();
            if (pos != s.length()) {
                throw new IllegalArgumentException("unexpected '" + s.substring(pos) + "' in filter " + s);
            }
            return p;
        }

        private FilterPredicate or() {
            List<FilterPredicate> terms = new ArrayList<>(List.of(and()));
            while (consume("||")) {
                terms.add(and());
            }
            return terms.size() == 1 ? terms.get(0) : new Or(terms);
        }

        private FilterPredicate and() {
            List<FilterPredicate> terms = new ArrayList<>(List.of(atom()));
            while (consume("&&")) {
                terms.add(atom());
            }
            return terms.size() == 1 ? terms.get(0) : new And(terms);
        }

        private FilterPredicate atom() {
            space();
            if (consume("(")) {
                FilterPredicate inner = or();
                if (!consume(")")) {
                    throw new IllegalArgumentException("missing ')' in filter " + s);
                }
                return inner;
            }
            List<String> left = atPath();
            space();
            for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
                if (consume(op)) {
                    space();
                    if (pos < s.length() && s.charAt(pos) == '@') {
                        return new Compare(left, op, null, atPath(), false);
                    }
                    if (pos < s.length() && s.charAt(pos) == '$') {
                        return new Compare(left, op, null, rootPath(), true);
                    }
                    return new Compare(left, op, literal(), null, false);
                }
            }
            return new Exists(left);
        }

        private List<String> atPath() {
            space();
            if (!consume("@")) {
                throw new IllegalArgumentException("filter terms must start with '@': " + s);
            }
            return fields();
        }

        /** {@code $.a.b} on the right of a comparison: fields below the document's root. */
        private List<String> rootPath() {
            consume("$");
            if (pos < s.length() && s.charAt(pos) == '$') {
                throw new IllegalArgumentException("the context object '$$' cannot be used in a filter: " + s);
            }
            return fields();
        }

        private List<String> fields() {
            List<String> fields = new ArrayList<>();
            while (pos < s.length()) {
                if (s.charAt(pos) == '.') {
                    pos++;
                    int start = pos;
                    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || "_-$".indexOf(s.charAt(pos)) >= 0)) {
                        pos++;
                    }
                    fields.add(s.substring(start, pos));
                } else if (s.startsWith("['", pos)) {
                    int end = s.indexOf("']", pos + 2);
                    fields.add(s.substring(pos + 2, end));
                    pos = end + 2;
                } else {
                    break;
                }
            }
            return fields;
        }

        private JsonNode literal() {
            space();
            if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                char q = s.charAt(pos);
                int end = s.indexOf(q, pos + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated string in filter " + s);
                }
                String text = s.substring(pos + 1, end);
                pos = end + 1;
                return Json.text(text);
            }
            int start = pos;
            while (pos < s.length() && " )&|".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            try {
                return Json.parse(s.substring(start, pos));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad literal '" + s.substring(start, pos) + "' in filter " + s);
            }
        }

        private boolean consume(String token) {
            space();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void space() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }
    }
}
