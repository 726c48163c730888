package io.sensoretl.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A position in the contract tree that knows its JSON pointer and records problems instead of
 * throwing, so one load reports every mistake in the file at once.
 */
final class Cursor {
    private final JsonNode node;
    private final String path;
    private final List<ContractProblem> problems;

    Cursor(JsonNode node, String path, List<ContractProblem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    boolean present() {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    Cursor child(String name) {
        JsonNode c = node == null || !node.isObject() ? null : node.get(name);
        return new Cursor(c, path + "/" + escape(name), problems);
    }

    Cursor element(int index) {
        return new Cursor(node.get(index), path + "/" + index, problems);
    }

    List<Cursor> elements() {
        List<Cursor> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(element(i));
            }
        }
        return out;
    }

    List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    void problem(String message) {
        problems.add(new ContractProblem(path, message));
    }

    /** Reports keys this object should not have (typos would otherwise be silently ignored). */
    void allowOnly(Set<String> keys) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                child(k).problem("unknown key; expected one of " + new java.util.TreeSet<>(keys));
            }
        }
    }

    boolean requireObject() {
        if (!present()) {
            problem("required object is missing");
            return false;
        }
        if (!node.isObject()) {
            problem("expected an object, found " + describe(node));
            return false;
        }
        return true;
    }

    String string(boolean required, String fallback) {
        if (!present()) {
            if (required) {
                problem("required string is missing");
            }
            return fallback;
        }
        if (!node.isTextual()) {
            problem("expected a string, found " + describe(node));
            return fallback;
        }
        return node.asText();
    }

    Double number(boolean required) {
        if (!present()) {
            if (required) {
                problem("required number is missing");
            }
            return null;
        }
        if (!node.isNumber()) {
            problem("expected a number, found " + describe(node));
            return null;
        }
        return node.asDouble();
    }

    int integer(int fallback, int min, int max) {
        if (!present()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problem("expected an integer from " + min + " to " + max + ", found " + describe(node));
            return fallback;
        }
        return node.asInt();
    }

    boolean bool(boolean fallback) {
        if (!present()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problem("expected true or false, found " + describe(node));
            return fallback;
        }
        return node.asBoolean();
    }

    char character(char fallback) {
        String s = string(false, null);
        if (s == null) {
            return fallback;
        }
        if (s.length() != 1) {
            problem("expected a single character, found \"" + s + "\"");
            return fallback;
        }
        return s.charAt(0);
    }

    <E extends Enum<E>> E choice(Class<E> type, E fallback, java.util.Map<String, E> names) {
        String s = string(fallback == null, null);
        if (s == null) {
            return fallback;
        }
        E e = names.get(s);
        if (e == null) {
            problem("expected one of " + new java.util.TreeSet<>(names.keySet()) + ", found \"" + s + "\"");
            return fallback;
        }
        return e;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        String text = n.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + text;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
