package io.sensoretl.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunLedger} must have; run against DynamoDB (dynalite) and the local file. */
public abstract class RunLedgerContract {
    static final Duration STALE_AFTER = Duration.ofHours(2);
    static final SourceVersion KEY = new SourceVersion("uploads", "incoming/site-a/2024-03-01.ndjson", "\"9b2cf535f27731c974343645a3985328\"");

    final ManualClock clock = new ManualClock(Instant.parse("2024-03-02T01:00:00Z"));
    RunLedger ledger;

    protected abstract RunLedger newLedger(ManualClock clock, Duration staleAfter) throws Exception;

    @BeforeEach
    void createLedger() throws Exception {
        ledger = newLedger(clock, STALE_AFTER);
    }

    @Test
    void theSameObjectDeliveredTwiceStartsOneRun() {
        StartOutcome first = ledger.start(KEY, "exec-1", false);
        StartOutcome duplicateWhileRunning = ledger.start(KEY, "exec-2", false);
        ledger.complete(KEY, "exec-1", new RunCounts(10, 8, 2, 0), List.of("2024-03-01"));
        StartOutcome duplicateAfterwards = ledger.start(KEY, "exec-3", false);

        assertThat(first.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThat(first.record().runId()).isEqualTo(KEY.runId());
        assertThat(first.record().attempt()).isEqualTo(1);
        assertThat(duplicateWhileRunning.decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
        assertThat(duplicateWhileRunning.record().executionId()).isEqualTo("exec-1");
        assertThat(duplicateAfterwards.decision()).isEqualTo(StartOutcome.Decision.ALREADY_SUCCEEDED);
        assertThat(ledger.get(KEY).orElseThrow().executionId()).isEqualTo("exec-1");
    }

    @Test
    void ofManyConcurrentStartsExactlyOneWins() throws Exception {
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<StartOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String exec = "exec-" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return ledger.start(KEY, exec, false);
                }));
            }
            go.countDown();
            List<StartOutcome> results = new ArrayList<>();
            for (Future<StartOutcome> f : outcomes) {
                results.add(f.get());
            }
            List<StartOutcome> winners = results.stream().filter(StartOutcome::started).toList();
            assertThat(winners).hasSize(1);
            assertThat(results).filteredOn(o -> !o.started())
                    .allSatisfy(o -> assertThat(o.decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING));
            assertThat(ledger.get(KEY).orElseThrow().executionId()).isEqualTo(winners.get(0).record().executionId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStartRetriedByTheSameExecutionIsStillTheSameRun() {
        StartOutcome first = ledger.start(KEY, "exec-1", false);

        StartOutcome retried = ledger.start(KEY, "exec-1", false);

        assertThat(retried.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThat(retried.record()).isEqualTo(first.record());
        assertThat(ledger.start(KEY, "exec-2", false).decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
    }

    @Test
    void completingRecordsCountsPartitionsAndEndTime() {
        ledger.start(KEY, "exec-1", false);
        clock.advance(Duration.ofMinutes(3));

        RunRecord done = ledger.complete(KEY, "exec-1", new RunCounts(1000, 990, 7, 1), List.of("2024-03-01", "2024-03-02"));

        RunRecord stored = ledger.get(KEY).orElseThrow();
        assertThat(stored).isEqualTo(done);
        assertThat(stored.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(stored.counts()).isEqualTo(new RunCounts(1000, 990, 7, 1));
        assertThat(stored.partitions()).containsExactly("2024-03-01", "2024-03-02");
        assertThat(Duration.between(stored.startedAt(), stored.endedAt())).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aRetriedCloseIsANoOpButAnotherExecutionMayNotClose() {
        ledger.start(KEY, "exec-1", false);
        RunRecord first = ledger.complete(KEY, "exec-1", new RunCounts(5, 5, 0, 0), List.of());

        assertThat(ledger.complete(KEY, "exec-1", new RunCounts(5, 5, 0, 0), List.of())).isEqualTo(first);
        assertThatThrownBy(() -> ledger.fail(KEY, "exec-2", "boom"))
                .isInstanceOf(LedgerConflictException.class).hasMessageContaining("exec-2");
        assertThat(ledger.get(KEY).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void aFailedRunMayStartAgain() {
        ledger.start(KEY, "exec-1", false);
        ledger.fail(KEY, "exec-1", "transform chunk 7 timed out");
        assertThat(ledger.get(KEY).orElseThrow().error()).isEqualTo("transform chunk 7 timed out");

        StartOutcome retry = ledger.start(KEY, "exec-2", false);

        assertThat(retry.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThat(retry.record().attempt()).isEqualTo(2);
        assertThat(retry.record().error()).isNull();
    }

    @Test
    void aForcedRerunRestartsASucceededRunButNeverARunningOne() {
        ledger.start(KEY, "exec-1", false);
        assertThat(ledger.start(KEY, "exec-2", true).decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
        ledger.complete(KEY, "exec-1", new RunCounts(3, 3, 0, 0), List.of("2024-03-01"));

        StartOutcome forced = ledger.start(KEY, "exec-3", true);

        assertThat(forced.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThat(forced.record().attempt()).isEqualTo(2);
        assertThat(forced.record().counts()).isEqualTo(RunCounts.NONE);
        assertThat(forced.record().partitions()).isEmpty();
    }

    @Test
    void aRunStuckInRunningBeyondTheStalePeriodIsTakenOver() {
        ledger.start(KEY, "exec-crashed", false);
        clock.advance(STALE_AFTER.minusSeconds(1));
        assertThat(ledger.start(KEY, "exec-2", false).decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
        clock.advance(Duration.ofSeconds(2));

        StartOutcome takeover = ledger.start(KEY, "exec-3", false);

        assertThat(takeover.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThatThrownBy(() -> ledger.complete(KEY, "exec-crashed", RunCounts.NONE, List.of()))
                .isInstanceOf(LedgerConflictException.class);
    }

    @Test
    void aNewVersionOfTheObjectIsANewRun() {
        ledger.start(KEY, "exec-1", false);
        SourceVersion reuploaded = new SourceVersion(KEY.bucket(), KEY.key(), "other-etag");

        StartOutcome second = ledger.start(reuploaded, "exec-2", false);

        assertThat(second.started()).isTrue();
        assertThat(second.record().runId()).isNotEqualTo(KEY.runId());
        assertThat(ledger.get(new SourceVersion("uploads", "never-seen", "x"))).isEmpty();
    }

    @Test
    void theEntryOfAnEndedExecutionIsTakenOverAtOnceAndThatExecutionCanNoLongerCloseIt() {
        RunRecord ended = ledger.start(KEY, "exec-killed", false).record();
        clock.advance(Duration.ofMinutes(1));

        StartOutcome takeover = ledger.takeOver(KEY, "exec-2", ended);

        assertThat(takeover.decision()).isEqualTo(StartOutcome.Decision.STARTED);
        assertThat(takeover.record().executionId()).isEqualTo("exec-2");
        assertThat(takeover.record().attempt()).isEqualTo(2);
        assertThat(takeover.record().startedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> ledger.fail(KEY, "exec-killed", "late"))
                .isInstanceOf(LedgerConflictException.class);
        assertThat(ledger.takeOver(KEY, "exec-2", ended).record()).as("a retried take-over is the same start")
                .isEqualTo(takeover.record());
    }

    @Test
    void aTakeOverOfAnEntryThatChangedMeanwhileIsNoStart() {
        RunRecord first = ledger.start(KEY, "exec-1", false).record();
        StartOutcome byAnother = ledger.takeOver(KEY, "exec-2", first);
        assertThat(byAnother.started()).isTrue();

        StartOutcome late = ledger.takeOver(KEY, "exec-3", first);

        assertThat(late.decision()).as("exec-2 holds it now").isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
        assertThat(late.record().executionId()).isEqualTo("exec-2");
        ledger.complete(KEY, "exec-2", new RunCounts(1, 1, 0, 0), List.of());
        assertThat(ledger.takeOver(KEY, "exec-4", byAnother.record()).decision())
                .isEqualTo(StartOutcome.Decision.ALREADY_SUCCEEDED);
    }

    @Test
    void ofManyConcurrentTakeOversOfOneEndedEntryExactlyOneWins() throws Exception {
        RunRecord ended = ledger.start(KEY, "exec-killed", false).record();
        int contenders = 12;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<StartOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                String exec = "exec-" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return ledger.takeOver(KEY, exec, ended);
                }));
            }
            go.countDown();
            List<StartOutcome> results = new ArrayList<>();
            for (Future<StartOutcome> f : outcomes) {
                results.add(f.get());
            }
            List<StartOutcome> winners = results.stream().filter(StartOutcome::started).toList();
            assertThat(winners).hasSize(1);
            assertThat(results).filteredOn(o -> !o.started()).allSatisfy(o -> {
                assertThat(o.decision()).isEqualTo(StartOutcome.Decision.ALREADY_RUNNING);
                assertThat(o.record().executionId()).isEqualTo(winners.get(0).record().executionId());
            });
            assertThat(ledger.get(KEY).orElseThrow().attempt()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
