package io.sensoretl.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import java.io.IOException;
import java.util.List;

/**
 * Closing a run (the close-run step of the workflow): records its outcome in the ledger and exports
 * the closed entry to {@code ledger/runs/<run-id>.json} ({@link RunsTable}), which is how Athena sees
 * the ledger. A retried close rewrites the same key.
 */
public final class RunClosing {
    private final RunLedger ledger;
    private final ObjectStore runsExport;
    private final ObjectMapper json;

    /** @param runsExport where closed entries are written for the {@code runs} table, or {@code null} for nowhere */
    public RunClosing(RunLedger ledger, ObjectStore runsExport, ObjectMapper json) {
        this.ledger = ledger;
        this.runsExport = runsExport;
        this.json = json;
    }

    public RunRecord succeeded(SourceVersion key, String executionId, RunCounts counts, List<String> partitions) throws IOException {
        return export(ledger.complete(key, executionId, counts, partitions));
    }

    public RunRecord failed(SourceVersion key, String executionId, String error) throws IOException {
        return export(ledger.fail(key, executionId, error));
    }

    /** One JSON object per file, as the JSON SerDe of the runs table reads it. */
    private RunRecord export(RunRecord record) throws IOException {
        if (runsExport == null) {
            return record;
        }
        ObjectOutput out = runsExport.create(RunsTable.key(record.runId()));
        try {
            out.write(json.writeValueAsBytes(RunsTable.row(record)));
            out.write('\n');
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw e;
        }
        return record;
    }
}
