package io.sensoretl.cli.dlq;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.pipeline.LocalRuntimeOptions;
import io.sensoretl.local.DeadLetterQueue;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.local.LocalFunctions;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.Redrive;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Transform every dead-lettered chunk again, then re-apply its run to the partitions it touched "
                + "(compaction, catalog, latest readings): the curated data converges to exactly one copy of every record.",
            "Chunks that fail again stay in the queue. Exit code 1 when any did."})
public final class DlqRedriveCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print {chunks, redriven, stillFailing, runs} (docs/cli.md).")
    boolean json;

    @Mixin
    LocalRuntimeOptions local;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (LocalServices stack = local.start(json)) {
            Redrive.Report report = new Redrive(new LocalFunctions(stack, Clock.systemUTC()), HandlerDecorator.NONE,
                    new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl())).run();
            if (json) {
                out.println(JsonOutput.document(report));
            } else if (report.chunks().isEmpty()) {
                out.println("the dead-letter queue is empty: nothing to redrive");
            } else {
                out.printf("redrove %d chunk(s), %d still failing%n", report.redriven(), report.stillFailing());
                for (Redrive.ChunkOutcome c : report.chunks()) {
                    out.printf("  %s chunk %d: %s%n", c.runId(), c.chunk(), c.redriven()
                            ? String.format("%,d reading(s) (%,d valid, %,d rejected)", c.readings(), c.valid(), c.rejected())
                            : "failed again, stays in the queue: " + c.error());
                }
                for (Redrive.RunOutcome r : report.runs()) {
                    out.printf("  %s republished %d partition(s), %d latest reading(s) updated%n", r.runId(),
                            r.partitions().size(), r.latestReadingsWritten());
                }
            }
            return report.stillFailing() == 0 ? 0 : 1;
        }
    }
}
