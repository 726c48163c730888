package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.ledger.Liveness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which process runs a local execution. A process killed outright is covered by InterruptedRunTest
 * (a separate JVM); here, what one process sees of its own executions and of files left behind.
 */
class ExecutionOwnersTest {
    static final Instant NOW = Instant.parse("2024-03-02T01:00:00Z");

    @TempDir
    Path dir;

    private DataDir data() {
        return new DataDir(dir);
    }

    private ExecutionOwners owners() {
        return new ExecutionOwners(data(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ExecutionRecord running(String name) {
        ExecutionRecord r = new ExecutionRecord(LocalPipeline.executionArn(name), name,
                "arn:aws:states:us-east-1:123456789012:stateMachine:" + WorkflowDefinition.STATE_MACHINE_NAME, "RUNNING",
                "2024-03-02T00:59:00.000Z", null, JsonNodeFactory.instance.objectNode(), null, null, null, List.of(), List.of());
        new ExecutionStore(data().executions()).save(r);
        return r;
    }

    @Test
    @SuppressWarnings("try") // the claim is held, not used
    void anExecutionThisProcessRunsIsRunningUntilItsClaimIsGivenUp() {
        String arn = running("e1").executionArn();
        ExecutionOwners owners = owners();
        try (ExecutionOwners.Claim claim = owners.claim(arn)) {
            Liveness l = owners.check(arn);
            assertThat(l.state()).isEqualTo(Liveness.State.RUNNING);
            assertThat(l.detail()).contains("pid " + ProcessHandle.current().pid())
                    .contains("on host " + ExecutionOwners.hostName());
            assertThat(owners.settle(new ExecutionStore(data().executions()).find(arn).orElseThrow()).status())
                    .isEqualTo("RUNNING");
        }
        assertThat(data().executions().resolve(".owners")).isEmptyDirectory();
    }

    @Test
    void theOwnersHostIsTheMachinesNameWithoutAskingTheResolver() throws Exception {
        String env = System.getenv("HOSTNAME");
        Assumptions.assumeTrue((env == null || env.isBlank()) && Files.isReadable(ExecutionOwners.KERNEL_HOST_NAME),
                "needs Linux's /proc/sys/kernel/hostname and no HOSTNAME variable");
        assertThat(ExecutionOwners.hostName()).isEqualTo(Files.readString(ExecutionOwners.KERNEL_HOST_NAME).strip());
    }

    @Test
    void anExecutionWhoseRecordSaysItEndedHasEnded() {
        ExecutionRecord r = running("e2");
        new ExecutionStore(data().executions()).save(r.aborted(NOW, "SensorEtl.Interrupted", "Ctrl-C"));
        Liveness l = owners().check(r.executionArn());
        assertThat(l.state()).isEqualTo(Liveness.State.ENDED);
        assertThat(l.detail()).startsWith("ABORTED at 2024-03-02T01:00:00");
    }

    @Test
    void anOwnershipFileWhoseLockNobodyHoldsMeansItsProcessIsGoneAndTheRecordIsClosedAborted() throws Exception {
        ExecutionRecord r = running("e3");
        // what a killed process leaves: its file, with no lock held on it any more
        Path file = data().executions().resolve(".owners").resolve("e3.lock");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"executionArn\":\"" + r.executionArn() + "\",\"pid\":4242,\"host\":\"plant-a\","
                + "\"processStart\":\"2024-03-02T00:58:00Z\"}");

        Liveness l = owners().check(r.executionArn());
        assertThat(l.state()).isEqualTo(Liveness.State.ENDED);
        assertThat(l.detail()).isEqualTo("its process (pid 4242 on host plant-a, started 2024-03-02T00:58:00Z) is gone");

        ExecutionRecord settled = owners().settle(r);
        assertThat(settled.status()).isEqualTo("ABORTED");
        assertThat(settled.error()).isEqualTo(ExecutionOwners.PROCESS_GONE);
        assertThat(settled.cause()).contains("pid 4242");
        assertThat(settled.stopDate()).startsWith("2024-03-02T01:00:00");
        assertThat(new ExecutionStore(data().executions()).find("e3").orElseThrow().status()).as("saved").isEqualTo("ABORTED");
    }

    @Test
    void aRunningRecordWithoutOwnerHasEndedButOtherStateMachinesAreLeftAlone() {
        ExecutionRecord r = running("e4");
        assertThat(owners().check(r.executionArn()).ended()).isTrue();

        ExecutionRecord other = new ExecutionRecord("arn:aws:states:us-east-1:123456789012:execution:sm:x", "x",
                "arn:aws:states:us-east-1:123456789012:stateMachine:sm", "RUNNING", "2024-03-02T00:59:00.000Z", null,
                JsonNodeFactory.instance.objectNode(), null, null, null, List.of(), List.of());
        assertThat(owners().settle(other)).isSameAs(other);
    }
}
