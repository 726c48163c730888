package io.sensoretl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one command-line tool of the project. Each capability registers its subcommands here, so
 * {@code ./sensor-etl --help} is the complete list of what the product can do.
 */
@Command(
    name = "sensor-etl",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Serverless batch ETL for IoT sensor dumps: run it locally, benchmark it, deploy it.",
    subcommands = {
        CommandLine.HelpCommand.class,
    })
public final class SensorEtl implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code; tests call this instead of {@link #main}. */
    public static int execute(String... args) {
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SensorEtl());
        Subcommands.register(cli);
        cli.setExecutionExceptionHandler(new CliErrors());
        cli.setParameterExceptionHandler(new Misuse());
        HelpLayout.apply(cli);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
