package io.sensoretl.coldstart;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.lambda.local.LocalContext;
import io.sensoretl.lambda.priming.Priming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cold-start driver, shipped in every deployment jar: run in a fresh JVM on that jar, it does
 * what the Lambda runtime does on a cold start, once, and prints how long it took.
 *
 * <pre>
 * java -cp transform.jar io.sensoretl.coldstart.FirstInvocation invoke &lt;handler class&gt; &lt;function&gt; &lt;event file&gt;
 * java -cp transform.jar io.sensoretl.coldstart.FirstInvocation prime &lt;priming class&gt; &lt;function&gt;
 * </pre>
 *
 * {@code invoke} constructs the handler through its no-argument constructor (AWS clients from the
 * environment, as on Lambda) and calls {@code handleRequest} with the event. {@code prime} runs the
 * handler's SnapStart priming instead: what {@code beforeCheckpoint} runs, no network needed.
 *
 * <p>Prints one line to stdout: {@value #MARKER} followed by a JSON object with {@code mode},
 * {@code function}, {@code init_ms} (class loading and construction), {@code invoke_ms} (the first
 * call) and {@code output} (the handler's JSON result). Exit code 1 and the stack trace on failure.
 * Deliberately plain Java: the driver itself must not load what it measures.
 */
public final class FirstInvocation {
    public static final String MARKER = "FIRST-INVOCATION ";

    private FirstInvocation() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        if (args.length < 3 || !(args[0].equals("invoke") && args.length == 4 || args[0].equals("prime") && args.length == 3)) {
            System.err.println("usage: FirstInvocation invoke <handler class> <function> <event file>\n"
                    + "       FirstInvocation prime <priming class> <function>");
            System.exit(2);
        }
        String function = args[2];
        String output;
        long t1;
        if (args[0].equals("invoke")) {
            byte[] event = Files.readAllBytes(Path.of(args[3]));
            RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[1]).getConstructor().newInstance();
            t1 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event), out, new LocalContext(function));
            output = out.toString(StandardCharsets.UTF_8);
        } else {
            Priming priming = (Priming) Class.forName(args[1]).getConstructor().newInstance();
            t1 = System.nanoTime();
            output = priming.run();
        }
        long t2 = System.nanoTime();
        // CPU of the whole process so far (JIT and GC threads included): less sensitive than wall time
        // to other load on the machine
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
        System.out.println(MARKER + "{\"mode\":\"" + args[0] + "\",\"function\":\"" + function + "\",\"init_ms\":"
                + millis(t1 - t0) + ",\"invoke_ms\":" + millis(t2 - t1) + ",\"cpu_ms\":" + millis(cpu)
                + ",\"output\":" + output.strip() + "}");
        System.out.flush();
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
