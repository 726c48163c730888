package io.sensoretl.asl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/** Package dependencies of compiled classes as the JDK's jdeps reports them, and the cycles among them. */
public final class PackageGraph {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s.*$");
    private final Map<String, Set<String>> edges;

    PackageGraph(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    /** The edges between packages starting with prefix, read from a classes directory with jdeps. */
    public static PackageGraph of(Path classes, String prefix) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is not in this JDK (a JRE cannot run this check)"));
        String modulePath = System.getProperty("jdk.module.path");
        List<String> args = new ArrayList<>(List.of("-verbose:package", "--multi-release", "17"));
        if (modulePath != null && !modulePath.isBlank()) {
            args.addAll(List.of("--module-path", modulePath));
        } else {
            args.addAll(List.of("-cp", System.getProperty("java.class.path")));
        }
        args.add(classes.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("jdeps " + args + " failed (" + rc + "): " + err + out);
        }
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && m.group(1).startsWith(prefix)) {
                Set<String> targets = edges.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                if (m.group(2).startsWith(prefix) && !m.group(2).equals(m.group(1))) {
                    targets.add(m.group(2));
                }
            }
        }
        return new PackageGraph(edges);
    }

    public Map<String, Set<String>> edges() {
        return edges;
    }

    /** Every group of packages that reach each other (strongly connected, more than one package). */
    public List<Set<String>> cycles() {
        return new Tarjan().run();
    }

    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        List<Set<String>> run() {
            for (String p : edges.keySet()) {
                if (!index.containsKey(p)) {
                    visit(p);
                }
            }
            return found;
        }

        private void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            onStack.add(p);
            for (String q : edges.getOrDefault(p, Set.of())) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (onStack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> component = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    onStack.remove(q);
                    component.add(q);
                } while (!q.equals(p));
                if (component.size() > 1) {
                    found.add(component);
                }
            }
        }
    }
}
