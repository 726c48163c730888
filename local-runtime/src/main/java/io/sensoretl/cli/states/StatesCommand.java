package io.sensoretl.cli.states;

import picocli.CommandLine;
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
        StatesServeCommand.class,
    })
public final class StatesCommand implements Runnable {

    /**
     * Adds `states` to the root command. `--input @file.json` must reach the command as written, so
     * picocli's @argument-file expansion (which would re-tokenise the JSON and drop its quotes) is off.
     */
    public static void register(CommandLine cli) {
        cli.addSubcommand(new StatesCommand());
        cli.setExpandAtFiles(false);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
