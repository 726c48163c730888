package io.sensoretl.cli;

import picocli.CommandLine;

/**
 * Turns an exception escaping a command into the one-line message users expect from a CLI,
 * with a non-zero exit code. A stack trace is printed only when SENSOR_ETL_DEBUG is set.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        cmd.getErr().println("sensor-etl " + cmd.getCommandName() + ": " + message);
        if (System.getenv("SENSOR_ETL_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
        }
        return ex instanceof UserError ue ? ue.exitCode() : 1;
    }
}
