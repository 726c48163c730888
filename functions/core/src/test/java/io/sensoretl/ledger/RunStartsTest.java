package io.sensoretl.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting a run: a holder that still runs keeps it, one known to have ended is taken over at once. */
class RunStartsTest {
    private static final SourceVersion KEY = new SourceVersion("uploads", "incoming/a.ndjson", "etag-1");

    @TempDir
    Path data;

    private final ManualClock clock = new ManualClock(Instant.parse("2024-03-02T01:00:00Z"));
    private final Map<String, Liveness> known = new HashMap<>();
    private final List<String> asked = new ArrayList<>();
    private RunLedger ledger;
    private RunStarts starts;

    @BeforeEach
    void create() {
        ledger = new LocalRunLedger(data, clock, Duration.ofHours(6));
        starts = new RunStarts(ledger, id -> {
            asked.add(id);
            return known.getOrDefault(id, Liveness.unknown("never heard of " + id));
        });
    }

    @Test
    void aRunWhoseExecutionEndedIsTakenOverAtOnceWithoutForce() {
        starts.start(KEY, "exec-killed", false);
        known.put("exec-killed", Liveness.ended("its process (pid 4242) is gone"));

        StartOutcome outcome = starts.start(KEY, "exec-2", false);

        assertThat(outcome.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThat(outcome.record().executionId()).isEqualTo("exec-2");
        assertThat(outcome.replaced().executionId()).isEqualTo("exec-killed");
        assertThat(outcome.holder().detail()).isEqualTo("its process (pid 4242) is gone");
        assertThat(ledger.get(KEY).orElseThrow().executionId()).isEqualTo("exec-2");
    }

    @Test
    void forceIsHonouredForAnEndedHolder() {
        starts.start(KEY, "exec-stopped", false);
        known.put("exec-stopped", Liveness.ended("ABORTED"));

        assertThat(starts.start(KEY, "exec-2", true).started()).isTrue();
    }

    @Test
    void aHolderThatRunsKeepsTheRunEvenWithForceAndTheAnswerSaysWhoAndWhere() {
        starts.start(KEY, "exec-1", false);
        known.put("exec-1", Liveness.running("pid 4242 on host a, since 2024-03-02T01:00:00Z"));

        StartOutcome plain = starts.start(KEY, "exec-2", false);
        StartOutcome forced = starts.start(KEY, "exec-3", true);

        for (StartOutcome o : List.of(plain, forced)) {
            assertThat(o.decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
            assertThat(o.record().executionId()).isEqualTo("exec-1");
            assertThat(o.holder().state()).isEqualTo(Liveness.State.RUNNING);
            assertThat(o.holder().detail()).contains("pid 4242");
            assertThat(o.replaced()).isNull();
        }
        assertThat(ledger.get(KEY).orElseThrow().executionId()).isEqualTo("exec-1");
    }

    @Test
    void aHolderNothingIsKnownOfKeepsTheRunUntilTheStalePeriod() {
        starts.start(KEY, "exec-1", false);

        assertThat(starts.start(KEY, "exec-2", false).decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
        clock.advance(Duration.ofHours(6).plusSeconds(1));
        assertThat(starts.start(KEY, "exec-3", false).started()).as("the stale rule still applies").isTrue();
    }

    @Test
    void nothingIsAskedWhenTheRunIsFreeOrFinished() {
        starts.start(KEY, "exec-1", false);
        ledger.complete(KEY, "exec-1", RunCounts.NONE, List.of());

        assertThat(starts.start(KEY, "exec-2", false).decision()).isEqualTo(StartOutcome.Decision.ALREADY_SUCCEEDED);
        assertThat(asked).isEmpty();
    }
}
