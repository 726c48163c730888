package io.sensoretl.decode;

import com.fasterxml.jackson.core.JsonPointer;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.Mapping;
import io.sensoretl.contract.WideColumn;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON pointers a contract reads, as a tree of property names, so a record can be decoded by
 * streaming over its tokens and keeping only those values instead of building the whole object
 * (which dominated the transform's CPU profile). A plan where one pointer lies inside another
 * (e.g. {@code /a} and {@code /a/b}) is not streamable; such records are decoded as a tree.
 */
public final class JsonFieldPlan {
    /** One level of the tree: children by property name (array indexes are names too, e.g. "0"). */
    static final class Node {
        final Map<String, Node> children = new HashMap<>();
        int slot = -1;
    }

    private final Node root = new Node();
    private final List<JsonPointer> pointers = new ArrayList<>();
    private final Map<JsonPointer, Integer> slots = new HashMap<>();
    /** The contract's own pointer instances are looked up on every field read: identity first. */
    private final Map<JsonPointer, Integer> slotsByIdentity = new java.util.IdentityHashMap<>();
    private boolean streamable = true;

    private JsonFieldPlan(Collection<JsonPointer> wanted) {
        for (JsonPointer p : new LinkedHashSet<>(wanted)) {
            add(p);
        }
    }

    public static JsonFieldPlan of(Collection<JsonPointer> pointers) {
        return new JsonFieldPlan(pointers);
    }

    /** Every JSON pointer in the contract's mapping and timestamp fields. */
    public static JsonFieldPlan forContract(Contract contract) {
        List<FieldRef> refs = new ArrayList<>();
        Mapping m = contract.mapping();
        refs.add(m.sensorId());
        refs.add(m.metric());
        refs.add(m.value());
        refs.add(m.unit());
        refs.add(m.lat());
        refs.add(m.lon());
        refs.addAll(m.attributes().values());
        for (WideColumn c : m.columns()) {
            refs.add(c.value());
        }
        refs.addAll(contract.timestamp().fields());
        Set<JsonPointer> pointers = new LinkedHashSet<>();
        for (FieldRef r : refs) {
            if (r instanceof FieldRef.Pointer p) {
                pointers.add(p.pointer());
            }
        }
        return of(pointers);
    }

    private void add(JsonPointer pointer) {
        if (pointer.matches()) {
            streamable = false; // the whole record is wanted
            return;
        }
        Node node = root;
        for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
            if (node.slot >= 0) {
                streamable = false;
            }
            node = node.children.computeIfAbsent(p.getMatchingProperty(), k -> new Node());
        }
        if (!node.children.isEmpty()) {
            streamable = false;
        }
        node.slot = pointers.size();
        slots.put(pointer, node.slot);
        slotsByIdentity.put(pointer, node.slot);
        pointers.add(pointer);
    }

    public boolean streamable() {
        return streamable;
    }

    Node root() {
        return root;
    }

    int size() {
        return pointers.size();
    }

    /** The slot holding the pointer's value, or -1 when the plan does not track it. */
    int slot(JsonPointer pointer) {
        Integer s = slotsByIdentity.get(pointer);
        if (s == null) {
            s = slots.get(pointer);
        }
        return s == null ? -1 : s;
    }
}
