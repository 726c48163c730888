package io.sensoretl.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.coldstart.FirstInvocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts one new JVM on a deployment jar running {@link FirstInvocation} and times it from the
 * moment the process is spawned to the moment its result line arrives: the cold start as a caller
 * sees it, JVM boot included.
 */
final class FreshJvm {
    private FreshJvm() {}

    /** One cold start: wall time to the first result, the driver's own split, and the handler's output. */
    record Run(double firstResultMs, double initMs, double invokeMs, double cpuMs, JsonNode output) {}

    static Run run(Path jar, List<String> jvmOptions, List<String> driverArgs, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar.toString());
        command.add(FirstInvocation.class.getName());
        command.addAll(driverArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SENSOR_ETL_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        String result = null;
        double firstResultMs = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (result == null && line.startsWith(FirstInvocation.MARKER)) {
                    firstResultMs = (System.nanoTime() - start) / 1e6;
                    result = line.substring(FirstInvocation.MARKER.length());
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the JVM on " + jar + " did not exit within 5 minutes; see " + log);
        }
        if (p.exitValue() != 0 || result == null) {
            throw new IllegalStateException("the JVM on " + jar + " (" + String.join(" ", driverArgs) + ") exited with "
                    + p.exitValue() + (result == null ? " and no result" : "") + "; its stderr is in " + log);
        }
        JsonNode r = JsonOutput.mapper().readTree(result);
        return new Run(firstResultMs, r.path("init_ms").asDouble(), r.path("invoke_ms").asDouble(), r.path("cpu_ms").asDouble(),
                r.path("output"));
    }
}
