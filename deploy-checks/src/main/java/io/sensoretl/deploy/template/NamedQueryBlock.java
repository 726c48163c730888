package io.sensoretl.deploy.template;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The template.yaml block of an {@code AWS::Athena::NamedQuery} for one file of athena-queries/: the
 * file's text verbatim under {@code Fn::Sub}, {@code ${database}} and {@code ${bucket}} filled from the
 * stack, any other {@code ${name}} (a query's own parameter) escaped as {@code ${!name}}.
 */
public final class NamedQueryBlock {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    private static final Set<String> FILLED = Set.of("database", "bucket");

    private NamedQueryBlock() {}

    /** @param relativePath e.g. {@code athena-queries/queries/gaps.sql} */
    public static String render(String relativePath, String sql) {
        String name = relativePath.replaceFirst("^athena-queries/", "").replaceFirst("\\.sql$", "");
        String logicalId = Arrays.stream(name.split("[/_-]"))
                .map(p -> p.isEmpty() ? p : Character.toUpperCase(p.charAt(0)) + p.substring(1))
                .collect(Collectors.joining()) + "Query";
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder body = new StringBuilder();
        while (m.find()) {
            boolean filled = FILLED.contains(m.group(1));
            if (filled) {
                used.add(m.group(1));
            }
            m.appendReplacement(body, Matcher.quoteReplacement(filled ? m.group() : "${!" + m.group(1) + "}"));
        }
        m.appendTail(body);
        StringBuilder out = new StringBuilder()
                .append("  ").append(logicalId).append(":\n")
                .append("    Type: AWS::Athena::NamedQuery\n")
                .append("    Properties:\n")
                .append("      Name: ").append(name).append('\n')
                .append("      Description: ").append(relativePath).append('\n')
                .append("      Database: !Ref GlueDatabase\n")
                .append("      WorkGroup: !Ref AthenaWorkGroup\n")
                .append("      QueryString: !Sub\n")
                .append("        - |\n");
        for (String line : body.toString().stripTrailing().split("\n", -1)) {
            out.append(line.isEmpty() ? "" : "          " + line).append('\n');
        }
        if (used.isEmpty()) {
            out.append("        - {}\n");
        } else {
            String vars = used.stream().map(v -> v + ": !Ref " + (v.equals("database") ? "GlueDatabase" : "DataBucket"))
                    .collect(Collectors.joining("\n          "));
            out.append("        - ").append(vars).append('\n');
        }
        return out.toString();
    }
}
