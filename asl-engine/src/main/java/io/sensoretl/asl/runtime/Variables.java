package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Workflow variables. A Map iteration or Parallel branch gets a child scope: it reads the outer
 * variables but its assignments stay inside it, as AWS scopes them.
 */
public final class Variables {
    private final Variables parent;
    private final Map<String, JsonNode> local = new LinkedHashMap<>();

    public Variables(Variables parent) {
        this.parent = parent;
    }

    public static Variables root() {
        return new Variables(null);
    }

    public Variables child() {
        return new Variables(this);
    }

    public synchronized JsonNode get(String name) {
        JsonNode v = local.get(name);
        if (v == null && parent != null) {
            return parent.get(name);
        }
        return v;
    }

    /** Everything visible from this scope, inner names shadowing outer ones. */
    public synchronized Map<String, JsonNode> visible() {
        Map<String, JsonNode> all = parent == null ? new LinkedHashMap<>() : parent.visible();
        all.putAll(local);
        return all;
    }

    /** This scope's own variables (not the outer ones), as a checkpoint keeps them. */
    public synchronized Map<String, JsonNode> local() {
        return new LinkedHashMap<>(local);
    }

    public synchronized void assignAll(Map<String, JsonNode> values) {
        local.putAll(values);
    }
}
