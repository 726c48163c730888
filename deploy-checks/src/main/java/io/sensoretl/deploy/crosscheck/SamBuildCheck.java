package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sam build} needs of each function: {@code Metadata: BuildMethod: makefile} (SAM's Java
 * workflows expect a source directory and fail on a jar CodeUri with "Not a directory"), a
 * {@code ProjectRootDirectory} that is the Makefile's directory (SAM copies that directory instead of the
 * CodeUri and reads its Makefile), and a Makefile target {@code build-<LogicalId>} whose recipe puts the
 * function's own jar (its CodeUri) into {@code $(ARTIFACTS_DIR)}. The CodeUri stays the jar, so
 * {@code sam deploy} without {@code sam build} uploads it as built.
 */
public final class SamBuildCheck {
    private SamBuildCheck() {}

    /**
     * @param makefile    the Makefile's text
     * @param makefileDir the Makefile's directory relative to the template's ("." beside it)
     */
    public static List<String> check(Template template, String makefile, String makefileDir) {
        List<String> problems = new ArrayList<>();
        String[] lines = makefile.split("\n", -1);
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, f) -> {
            JsonNode metadata = f.path("Metadata");
            String where = "Resources." + id + ".Metadata";
            String method = metadata.path("BuildMethod").asText(null);
            if (!"makefile".equals(method)) {
                problems.add(where + ".BuildMethod: expected makefile (sam build hands a jar CodeUri to its Maven workflow,"
                        + " which fails with \"Not a directory\"), found " + (method == null ? "nothing" : "'" + method + "'"));
            }
            String root = metadata.path("ProjectRootDirectory").asText(null);
            if (root == null || !Path.of(root).normalize().equals(Path.of(makefileDir).normalize())) {
                problems.add(where + ".ProjectRootDirectory: expected '" + makefileDir + "', the directory of the Makefile"
                        + " (the CodeUri is a jar, not a directory sam build could copy and run make in), found "
                        + (root == null ? "nothing" : "'" + root + "'"));
            }
            String target = "build-" + id;
            List<String> recipe = recipe(lines, target);
            if (recipe == null) {
                problems.add("Makefile: no target " + target + " (sam build runs `make " + target + "` for " + id + ")");
                return;
            }
            String jar = template.functionProperty(id, "CodeUri").asText("");
            boolean copiesJar = recipe.stream().anyMatch(l -> l.contains(jar) && l.contains("$(ARTIFACTS_DIR)"));
            if (!copiesJar) {
                problems.add("Makefile: " + target + " does not put " + jar + " (the CodeUri of " + id + ") into $(ARTIFACTS_DIR)");
            }
        });
        return problems;
    }

    /** The recipe lines (tab-indented) of a target, or null when the Makefile has no rule for it. */
    static List<String> recipe(String[] lines, String target) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\Q" + target + "\\E\\s*:(?!=).*")) {
                List<String> out = new ArrayList<>();
                for (int k = i + 1; k < lines.length && lines[k].startsWith("\t"); k++) {
                    out.add(lines[k]);
                }
                return out;
            }
        }
        return null;
    }
}
