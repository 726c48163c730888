package io.sensoretl.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line that does not parse (unknown option or command, missing or bad value) is one line on
 * stderr naming what was wrong and the {@code --help} to run, exit code 2: the usage is for who asks.
 */
final class Misuse implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(line(ex));
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String line(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String what = oneLine(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> rest = unmatched.getUnmatched();
            String first = rest.isEmpty() ? "" : rest.get(0);
            if (!cmd.getSubcommands().isEmpty() && !first.startsWith("-")) {
                what = "unknown command '" + first + "'";
            }
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                what += "; did you mean " + (first.startsWith("-") ? "" : name + " ") + suggestions.get(0) + "?";
            }
        }
        return name + ": " + what + (what.endsWith("?") ? "" : ".") + " See '" + name + " --help'.";
    }

    private static String oneLine(String message) {
        String m = message == null ? "invalid command line" : message.strip().replaceAll("\\s*\\R\\s*", " ");
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
