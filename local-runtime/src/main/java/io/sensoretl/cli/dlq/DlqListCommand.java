package io.sensoretl.cli.dlq;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.pipeline.LocalRuntimeOptions;
import io.sensoretl.local.DeadLetter;
import io.sensoretl.local.DeadLetterQueue;
import io.sensoretl.local.LocalServices;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List dead-lettered chunks: run, chunk, source byte range and the error that stopped them.")
public final class DlqListCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print {queueUrl, count, chunks: [...]} (docs/cli.md).")
    boolean json;

    @Mixin
    LocalRuntimeOptions local;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LocalServices stack = local.start(json)) {
            List<DeadLetter> letters = new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl()).list();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("queueUrl", stack.deadLetterQueueUrl());
                o.put("count", letters.size());
                o.put("chunks", letters);
                out.println(JsonOutput.document(o));
                return 0;
            }
            if (letters.isEmpty()) {
                out.println("the dead-letter queue is empty");
                return 0;
            }
            out.printf("%d dead-lettered chunk(s); reprocess them with ./sensor-etl dlq redrive%n", letters.size());
            for (DeadLetter l : letters) {
                out.printf("  %s chunk %d  %s bytes %,d-%,d%n    %s: %s%n", l.runId(), l.chunk(), l.source(), l.start(), l.end(),
                        l.error(), l.message());
            }
            return 0;
        }
    }
}
