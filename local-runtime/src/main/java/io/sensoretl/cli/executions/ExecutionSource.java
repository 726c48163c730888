package io.sensoretl.cli.executions;

import java.util.List;
import java.util.Optional;

/** Where executions are read from: the local engine's records, or Step Functions on AWS. */
public interface ExecutionSource {
    /** Newest first, at most {@code max}, only those with {@code status} when it is not null. */
    List<ExecutionSummary> list(int max, String status);

    /** By execution name or ARN. */
    Optional<ExecutionDetail> show(String nameOrArn);
}
