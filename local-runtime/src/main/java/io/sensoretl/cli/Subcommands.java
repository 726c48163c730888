package io.sensoretl.cli;

import picocli.CommandLine;

/**
 * The registry of subcommands. One line per capability keeps additions from different
 * areas (data plane, ASL engine, runtime, queries) from touching each other's code.
 */
final class Subcommands {
    private Subcommands() {}

    static void register(CommandLine cli) {
        // data plane
        cli.addSubcommand(new io.sensoretl.cli.generate.GenerateCommand());
        cli.addSubcommand(new io.sensoretl.cli.bench.BenchCommand());
        io.sensoretl.cli.states.StatesCommand.register(cli);
        // local runtime (the workflow end to end)
        cli.addSubcommand(new io.sensoretl.cli.pipeline.DemoCommand());
        cli.addSubcommand(new io.sensoretl.cli.pipeline.RunCommand());
        cli.addSubcommand(new io.sensoretl.cli.dlq.DlqCommand());
        cli.addSubcommand(new io.sensoretl.cli.pipeline.ServeCommand());
        // operations
        cli.addSubcommand(new io.sensoretl.cli.cost.CostCommand());
        // queries
        cli.addSubcommand(new io.sensoretl.cli.query.QueryCommand());
        // workflow executions, local or on AWS
        cli.addSubcommand(new io.sensoretl.cli.executions.ExecutionsCommand());
    }
}
