package io.sensoretl.cli.states;

import picocli.CommandLine.Command;

/** `sensor-etl states ...`: run, validate, inspect and conformance-test Step Functions definitions locally. */
@Command(
    name = "states",
    mixinStandardHelpOptions = true,
    description = "Run Amazon States Language definitions locally on the ASL engine.",
    subcommands = {
        StatesRunCommand.class,
        StatesValidateCommand.class,
        StatesHistoryCommand.class,
        StatesListCommand.class,
        StatesTestCommand.class,
    })
public final class StatesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
