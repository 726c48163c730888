package io.sensoretl.cli.generate;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.UserError;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic NDJSON sensor dump in the default contract's shape, reproducibly from a seed.",
            "Also writes FILE.truth.json: what a correct pipeline must make of it (valid readings, rejects by reason, sums)."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--records", required = true, description = "Number of records to write.")
    long records;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (same seed, same file). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bad-share", defaultValue = "0.02",
            description = "Share of bad records, spread over every kind of defect; 0 makes every record valid. Default: ${DEFAULT-VALUE}.")
    double badShare;

    @Option(names = "--sensors", defaultValue = "500", description = "Distinct sensor ids. Default: ${DEFAULT-VALUE}.")
    int sensors;

    @Option(names = {"-o", "--output"}, required = true, description = "File to write.")
    Path output;

    @Option(names = "--json", description = "Print the truth summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (records < 0) {
            throw new UserError("--records must be >= 0, got " + records);
        }
        if (badShare < 0 || badShare > 1) {
            throw new UserError("--bad-share must be between 0 and 1, got " + badShare);
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + output + ": directory " + parent + " does not exist");
        }
        GeneratorTruth truth;
        // progress on stderr (not with --json): 1.5 M records take half a minute
        io.sensoretl.progress.Progress progress = io.sensoretl.cli.ProgressLine.forCommand(json);
        progress.start("generate " + output.getFileName(), -1, records);
        try (OutputStream out = new BufferedOutputStream(
                new io.sensoretl.cli.ProgressStream(Files.newOutputStream(output), progress), 1 << 20)) {
            truth = new DumpGenerator(seed, badShare, sensors).writeRecords(out, records);
        } finally {
            progress.finish();
        }
        Path truthFile = Path.of(output + ".truth.json");
        Files.writeString(truthFile, JsonOutput.line(truth));
        if (json) {
            System.out.println(JsonOutput.document(truth));
        } else {
            System.out.printf("wrote %s: %,d records (%,d valid, %,d bad), %,d bytes%n", output, truth.records(), truth.valid(),
                    truth.rejected(), truth.bytes());
            System.out.println("expected outcome: " + truthFile);
        }
        return 0;
    }
}
