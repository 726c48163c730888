package io.sensoretl.deploy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.compact.aws.DynamoDbPartitionLocks;
import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact role reaches only the partition leases of the ledger table, whose keys DynamoDbPartitionLocks writes. */
class LeadingKeysCheckTest {
    private static final String CONDITION = "              Condition:\n                ForAllValues:StringLike:\n"
            + "                  dynamodb:LeadingKeys: [\"#lock#*\"]\n";

    private static List<String> check(Template t) {
        return LeadingKeysCheck.check(t, "CompactFunction", "LedgerTable", DynamoDbPartitionLocks.KEY_PREFIX);
    }

    @Test
    void theCompactRoleWritesOnlyLeaseItemsOfTheLedger() {
        assertThat(check(Repo.template())).isEmpty();
    }

    @Test
    void anUnconditionedWriteOnTheLedgerIsReported() {
        assertThat(check(Repo.mutated(CONDITION, ""))).containsExactly("Resources.CompactFunction.Properties.Policies[0]"
                + ".Statement[3]: [dynamodb:PutItem, dynamodb:DeleteItem] on LedgerTable reaches every item; add Condition"
                + " ForAllValues:StringLike dynamodb:LeadingKeys [\"#lock#*\"]");
    }

    @Test
    void aPatternWiderThanTheLeasesIsReported() {
        assertThat(check(Repo.mutated(CONDITION, CONDITION.replace("[\"#lock#*\"]", "[\"#lock#*\", \"*\"]"))))
                .containsExactly("Resources.CompactFunction.Properties.Policies[0].Statement[3]: dynamodb:LeadingKeys '*'"
                        + " reaches items whose key does not start with '#lock#'");
        assertThat(check(Repo.mutated(CONDITION, CONDITION.replace("[\"#lock#*\"]", "[\"#lo*\"]"))))
                .containsExactly("Resources.CompactFunction.Properties.Policies[0].Statement[3]: dynamodb:LeadingKeys '#lo*'"
                        + " reaches items whose key does not start with '#lock#'");
    }
}
