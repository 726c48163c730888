package io.sensoretl.cli.dlq;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `sensor-etl dlq ...`: the dead-letter queue of chunks that failed after their retries. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect and reprocess chunks the workflow dead-lettered after their retries.",
        subcommands = {DlqListCommand.class, DlqRedriveCommand.class})
public final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
