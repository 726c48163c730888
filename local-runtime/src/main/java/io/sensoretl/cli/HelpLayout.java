package io.sensoretl.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The layout of every {@code --help}: each description element is a paragraph wrapped at spaces only
 * (never inside a path, a URI or a default value), option and argument descriptions likewise, and the
 * command list shows each command's first whole sentence, never a cut one.
 */
final class HelpLayout {
    private static final int DEFAULT_WIDTH = 80;
    private static final int MAX_NAME_COLUMN = 30;

    private HelpLayout() {}

    /** Applies the layout to the command and all its subcommands (call after they are registered). */
    static void apply(CommandLine cli) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
                help -> help.commandSpec().positionalParameters().stream().anyMatch(p -> !p.hidden()) ? "Arguments:\n" : "");
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, HelpLayout::parameters);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
                help -> help.commandSpec().options().stream().anyMatch(o -> !o.hidden()) ? "Options:\n" : "");
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commands);
        cli.setHelpSectionMap(sections);
        cli.setUsageHelpWidth(width());
    }

    static int width() {
        try {
            String columns = System.getenv("COLUMNS");
            return columns == null ? DEFAULT_WIDTH : Math.max(60, Math.min(160, Integer.parseInt(columns.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    private static String description(Help help) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            for (String line : wrap(text(paragraph), help.commandSpec().usageMessage().width())) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String parameters(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (PositionalParamSpec p : help.commandSpec().positionalParameters()) {
            if (!p.hidden()) {
                rows.add(new String[] {"  " + p.paramLabel(), joined(p)});
            }
        }
        return table(rows, help.commandSpec().usageMessage().width());
    }

    private static String options(Help help) {
        List<OptionSpec> options = new ArrayList<>(help.commandSpec().options());
        options.removeIf(OptionSpec::hidden);
        options.sort((a, b) -> sortKey(a).compareToIgnoreCase(sortKey(b)));
        List<String[]> rows = new ArrayList<>();
        for (OptionSpec o : options) {
            rows.add(new String[] {names(o), joined(o)});
        }
        return table(rows, help.commandSpec().usageMessage().width());
    }

    private static String commands(Help help) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : help.commandSpec().subcommands().entrySet()) {
            CommandSpec spec = sub.getValue().getCommandSpec();
            if (spec.usageMessage().hidden() || !sub.getKey().equals(spec.name())) {
                continue; // hidden, or an alias listed under its command
            }
            rows.add(new String[] {"  " + String.join(", ", spec.names()), summary(spec)});
        }
        return table(rows, help.commandSpec().usageMessage().width());
    }

    /** The header if the command has one, else the first whole sentence of its description. */
    static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0) {
            return text(String.join(" ", header));
        }
        String[] description = spec.usageMessage().description();
        if (description.length == 0) {
            return "";
        }
        String first = text(description[0]);
        // the end of a sentence: ". " before a capital letter (not "e.g. x" or "s3://a.b")
        for (int i = 0; i + 2 < first.length(); i++) {
            if (first.charAt(i) == '.' && first.charAt(i + 1) == ' ' && Character.isUpperCase(first.charAt(i + 2))) {
                return first.substring(0, i + 1);
            }
        }
        return first;
    }

    private static String sortKey(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }

    private static String names(OptionSpec o) {
        String shortName = null;
        List<String> longNames = new ArrayList<>();
        for (String name : o.names()) {
            if (shortName == null && name.length() == 2 && name.startsWith("-")) {
                shortName = name;
            } else {
                longNames.add(name);
            }
        }
        StringBuilder s = new StringBuilder("  ");
        s.append(shortName == null ? "    " : shortName + (longNames.isEmpty() ? "" : ", "));
        s.append(String.join(", ", longNames));
        if (o.typeInfo().isBoolean() || o.arity().max() == 0) {
            return s.toString();
        }
        return s.append(longNames.isEmpty() ? " " : "=").append(o.paramLabel()).toString();
    }

    private static String joined(ArgSpec arg) {
        return text(String.join(" ", arg.description()));
    }

    /** picocli's format escapes in annotation texts: %n is a line break, %% a percent sign. */
    private static String text(String s) {
        return s.replace("%n", "\n").replace("%%", "%");
    }

    /** Rows of (names, description): descriptions in one column, starting on the next line after a long name. */
    private static String table(List<String[]> rows, int width) {
        int column = 0;
        for (String[] row : rows) {
            if (row[0].length() + 2 <= MAX_NAME_COLUMN) {
                column = Math.max(column, row[0].length() + 2);
            }
        }
        column = Math.max(column, 8);
        StringBuilder out = new StringBuilder();
        String indent = " ".repeat(column);
        for (String[] row : rows) {
            List<String> lines = wrap(row[1], width - column);
            boolean sameLine = row[0].length() + 2 <= column;
            out.append(row[0]);
            if (!sameLine) {
                out.append('\n');
            }
            for (int i = 0; i < lines.size(); i++) {
                if (i == 0 && sameLine) {
                    out.append(" ".repeat(column - row[0].length()));
                } else {
                    out.append(indent);
                }
                out.append(lines.get(i)).append('\n');
            }
            if (lines.isEmpty()) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Wraps at spaces only; a word longer than the width gets a line of its own. Keeps explicit breaks. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            if (line.length() > 0 || paragraph.isBlank()) {
                lines.add(line.toString());
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
