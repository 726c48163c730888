package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each {@code AWS::Serverless::Function} points at real code: its Handler names a public class with a
 * public no-argument constructor implementing the Lambda handler interface and the named method; its
 * CodeUri is that function's deployment jar ({@code functions/lambda/target/lambda/<function>.jar}, where
 * {@code RecordRunHandler} is {@code record-run}); and its Environment sets every variable the
 * handler requires ({@code settings.required("...")} in the handler's source).
 */
public final class HandlerCheck {
    private static final Set<String> HANDLER_INTERFACES = Set.of(
            "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
            "com.amazonaws.services.lambda.runtime.RequestHandler");
    private static final Pattern REQUIRED_ENV = Pattern.compile("\\.required\\(\"([A-Z0-9_]+)\"\\)");

    private HandlerCheck() {}

    /**
     * @param classes  loads the handler classes (the functions module on the class path)
     * @param sources  the handlers' source root ({@code functions/lambda/src/main/java})
     */
    public static List<String> check(Template template, ClassLoader classes, Path sources) {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            String where = "Resources." + id + ".Properties";
            String handler = template.functionProperty(id, "Handler").asText("");
            String[] parts = handler.split("::", 2);
            String className = parts[0];
            String method = parts.length == 2 ? parts[1] : "handleRequest";
            Class<?> type;
            try {
                type = Class.forName(className, false, classes);
            } catch (ClassNotFoundException e) {
                problems.add(where + ".Handler: class " + className + " does not exist");
                return;
            }
            if (!Modifier.isPublic(type.getModifiers()) || !hasPublicNoArgConstructor(type)) {
                problems.add(where + ".Handler: " + className + " needs to be public with a public no-argument constructor");
            }
            if (!implementsHandler(type)) {
                problems.add(where + ".Handler: " + className + " implements neither " + HANDLER_INTERFACES);
            }
            if (!hasPublicMethod(type, method)) {
                problems.add(where + ".Handler: " + className + " has no public method " + method);
            }
            String expectedJar = "functions/lambda/target/lambda/" + functionName(type.getSimpleName()) + ".jar";
            String codeUri = template.functionProperty(id, "CodeUri").asText("");
            if (!expectedJar.equals(codeUri)) {
                problems.add(where + ".CodeUri: expected " + expectedJar + " (the deployment jar of " + type.getSimpleName()
                        + "), found '" + codeUri + "'");
            }
            for (String env : requiredEnvironment(sources, className)) {
                if (!environment(template, id).has(env)) {
                    problems.add(where + ".Environment.Variables: " + type.getSimpleName() + " requires " + env
                            + ", which is not set");
                }
            }
        });
        return problems;
    }

    /**
     * The built deployment jars: each function's {@code CodeUri} (relative to {@code base}, the
     * directory of template.yaml) is a jar that contains the class its {@code Handler} names.
     */
    public static List<String> checkJars(Template template, Path base) {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((id, function) -> {
            String codeUri = template.functionProperty(id, "CodeUri").asText("");
            String className = template.functionProperty(id, "Handler").asText("").split("::", 2)[0];
            Path jar = base.resolve(codeUri);
            if (!Files.isRegularFile(jar)) {
                problems.add("Resources." + id + ".Properties.CodeUri: " + codeUri + " was not built (no such file)");
                return;
            }
            String entry = className.replace('.', '/') + ".class";
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                if (zip.getEntry(entry) == null) {
                    problems.add("Resources." + id + ".Properties.CodeUri: " + codeUri + " does not contain " + entry);
                }
            } catch (IOException e) {
                problems.add("Resources." + id + ".Properties.CodeUri: " + codeUri + " is not a readable jar: " + e.getMessage());
            }
        });
        return problems;
    }

    /** {@code RecordRunHandler} -> {@code record-run}: the function and jar name. */
    public static String functionName(String handlerSimpleName) {
        String base = handlerSimpleName.endsWith("Handler")
                ? handlerSimpleName.substring(0, handlerSimpleName.length() - "Handler".length()) : handlerSimpleName;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static JsonNode environment(Template template, String id) {
        JsonNode own = template.resource(id).orElseThrow().path("Properties").path("Environment").path("Variables");
        JsonNode global = template.root().path("Globals").path("Function").path("Environment").path("Variables");
        var merged = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (global.isObject()) {
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) global);
        }
        if (own.isObject()) {
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) own);
        }
        return merged;
    }

    static Set<String> requiredEnvironment(Path sources, String className) {
        Path file = sources.resolve(className.replace('.', '/') + ".java");
        Set<String> out = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            Matcher m = REQUIRED_ENV.matcher(Files.readString(file));
            while (m.find()) {
                out.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean implementsHandler(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (HANDLER_INTERFACES.contains(i.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasPublicMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
