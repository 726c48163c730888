package io.sensoretl.cli.states;

import io.sensoretl.cli.UserError;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where `states` commands keep execution records: {@code <data-dir>/executions}, the data dir every other
 * command takes with {@code --data-dir}. {@code --store} (a records folder itself) still works, unlisted.
 */
final class ExecutionsDir {
    @Option(names = "--data-dir", paramLabel = "<dir>",
            description = "Local state directory; execution records are kept in <dir>/executions (default: .sensor-etl).")
    Path dataDir;

    @Option(names = "--store", paramLabel = "<dir>", hidden = true,
            description = "The execution records folder itself (older name; prefer --data-dir).")
    Path store;

    Path path() {
        if (dataDir != null && store != null) {
            throw new UserError("--data-dir and --store both name where executions are kept: pass one");
        }
        return store != null ? store : dataDir != null ? dataDir.resolve("executions") : CliFiles.DEFAULT_STORE;
    }
}
