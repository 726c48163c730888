package io.sensoretl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What every command does alike: misuse, --version, --help (docs/cli.md, "Conventions"). */
class CliConventionsTest {

    @Test
    void anUnknownOptionIsOneLineNamingItAndTheHelpToRun() {
        CliRun run = CliRun.of("run", "--jsn", "dump.ndjson");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(
                "sensor-etl run: Unknown option: '--jsn'; did you mean --json? See 'sensor-etl run --help'.");
    }

    @Test
    void aMissingArgumentIsOneLine() {
        CliRun run = CliRun.of("run");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly(
                "sensor-etl run: Missing required parameter: '<file|s3-uri>'. See 'sensor-etl run --help'.");
    }

    @Test
    void aBadValueIsOneLineWithTheConvertersReason() {
        CliRun run = CliRun.of("cost", "--size", "12XB");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("sensor-etl cost: Invalid value for option '--size': '12XB' is not a size")
                .contains("See 'sensor-etl cost --help'.");
    }

    @Test
    void anUnknownCommandIsOneLine() {
        CliRun run = CliRun.of("rn", "x");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("sensor-etl: unknown command 'rn'. See 'sensor-etl --help'.");
    }

    @Test
    void versionNamesTheReleaseTheCommitAndTheRuntimeAndLibraries() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        // like `aws --version`: name/version pairs on one line
        assertThat(run.out().strip()).matches(Pattern.compile(
                "sensor-etl/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? commit/([0-9a-f]{12}(\\+dirty)?|unknown) "
                        + "Java/" + Pattern.quote(Runtime.version().toString()) + " \\(.+\\) "
                        + "aws-sdk-java/2\\.\\d+\\.\\d+ parquet-java/1\\.\\d+\\.\\d+ duckdb-jdbc/\\d+(\\.\\d+)+ \\S+/\\S+ \\S+"));
    }

    @Test
    void theCommandListShowsEachCommandsFirstWholeSentence() {
        String help = CliRun.of("--help").out();

        // the list is wrapped at spaces: join its lines back into one text per command
        String list = help.substring(help.indexOf("Commands:")).replaceAll("\\s+", " ");
        assertThat(list).contains("cost Estimate what processing a dump of --size costs on AWS, itemised per service, "
                + "from the transform throughput measured by `bench transform`, the prices in one data file and the "
                + "model's assumptions (docs/cost.md).");
        assertThat(list).contains("query Run an Athena (Trino) SQL query locally with DuckDB over the partitions "
                + "the local catalog has registered, or on Amazon Athena (--on athena).");
    }

    @Test
    void helpWrapsAtSpacesNeverInsideAPathOrUri() {
        assertThat(CliRun.of("cost", "--help").out())
                .contains("docs/cost-model.yaml", "docs/prices/us-east-1.yaml", "docs/benchmarks/transform.json");
        assertThat(CliRun.of("run", "--help").out()).contains("s3://sensor-etl-source/incoming/<name>");
    }

    @Test
    void everyHelpFitsTheWidthAndEveryDescriptionParagraphIsWhole() {
        for (CommandLine command : allCommands(SensorEtl.commandLine())) {
            String name = command.getCommandSpec().qualifiedName();
            String usage = command.getUsageMessage();
            assertThat(usage.lines()).as(name).allSatisfy(line ->
                    assertThat(line.length()).as(name + ": " + line).isLessThanOrEqualTo(80));
            // a description element is a paragraph: hard-wrapping one across elements cuts its sentence
            for (String paragraph : command.getCommandSpec().usageMessage().description()) {
                assertThat(paragraph.replace("%n", "").strip()).as(name + " description").matches("(?s).*[.:)!?]");
            }
        }
    }

    @Test
    void wrappingKeepsWordsWhole() {
        assertThat(HelpLayout.wrap("Default: docs/cost-model.yaml and a-very-long-word-that-does-not-fit", 20))
                .containsExactly("Default:", "docs/cost-model.yaml", "and", "a-very-long-word-that-does-not-fit");
    }

    private static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> all = new ArrayList<>();
        all.add(root);
        root.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                all.addAll(allCommands(sub));
            }
        });
        return all;
    }
}
