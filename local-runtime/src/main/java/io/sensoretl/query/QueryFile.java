package io.sensoretl.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A query with the parameters its header declares. A declaration is a comment line
 * <pre>-- @param name type [= default] description</pre>
 * where type is one of {@link ParamType}; the query uses the parameter as {@code ${name}}.
 */
public record QueryFile(QuerySource source, Map<String, QueryParam> params) {
    private static final Pattern DECLARATION = Pattern.compile("^\\s*--\\s*@param\\b(.*)$");
    private static final Pattern PARTS = Pattern.compile("\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+([A-Za-z]+)(\\s*=\\s*(\\S+))?\\s*(.*)");

    public QueryFile {
        params = Map.copyOf(params);
    }

    public static QueryFile read(Path file) {
        try {
            return parse(new QuerySource(file.toString(), Files.readString(file)));
        } catch (IOException e) {
            throw new QueryException("cannot read query file " + file + ": " + e.getMessage());
        }
    }

    public static QueryFile parse(QuerySource source) {
        Map<String, QueryParam> params = new LinkedHashMap<>();
        String[] lines = source.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher d = DECLARATION.matcher(lines[i].stripTrailing());
            if (!d.matches()) {
                continue;
            }
            SqlPosition at = new SqlPosition(i + 1, lines[i].indexOf('@') + 1);
            Matcher m = PARTS.matcher(d.group(1));
            if (!m.matches()) {
                throw new QueryException(source, at, "expected \"-- @param name type [= default] description\"");
            }
            ParamType type = ParamType.of(m.group(2));
            if (type == null) {
                List<String> types = new ArrayList<>();
                for (ParamType t : ParamType.values()) {
                    types.add(t.id());
                }
                throw new QueryException(source, at, "unknown parameter type \"" + m.group(2) + "\", expected one of " + types);
            }
            String name = m.group(1);
            String dflt = m.group(4);
            if (dflt != null) {
                try {
                    type.literal(dflt);
                } catch (IllegalArgumentException e) {
                    throw new QueryException(source, at, "default \"" + dflt + "\" of " + name + " is not " + e.getMessage());
                }
            }
            if (params.put(name, new QueryParam(name, type, dflt, m.group(5).strip())) != null) {
                throw new QueryException(source, at, "parameter " + name + " is declared twice");
            }
        }
        return new QueryFile(source, params);
    }
}
