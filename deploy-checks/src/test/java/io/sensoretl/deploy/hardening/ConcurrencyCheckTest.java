package io.sensoretl.deploy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrencyCheckTest {
    private static List<String> check(Template t) {
        return ConcurrencyCheck.check(t, "TransformFunction", "MapMaxConcurrency");
    }

    @Test
    void everyFunctionHasAReservedConcurrencyParameterAndTheMapsFunctionEnoughForTheMap() {
        assertThat(check(Repo.template())).isEmpty();
    }

    @Test
    void aFunctionWithoutReservedConcurrencyIsReported() {
        Template t = Repo.mutated("    ReservedConcurrentExecutions: !Ref DefaultReservedConcurrency\n", "");
        assertThat(check(t)).containsExactly(
                "Resources.RecordRunFunction.Properties.ReservedConcurrentExecutions: no reserved concurrency (neither on the"
                        + " function nor in Globals.Function)",
                "Resources.PlanFunction.Properties.ReservedConcurrentExecutions: no reserved concurrency (neither on the"
                        + " function nor in Globals.Function)",
                "Resources.RunResultsFunction.Properties.ReservedConcurrentExecutions: no reserved concurrency (neither on the"
                        + " function nor in Globals.Function)",
                "Resources.LatestReadingsFunction.Properties.ReservedConcurrentExecutions: no reserved concurrency (neither on the"
                        + " function nor in Globals.Function)",
                "Resources.CloseRunFunction.Properties.ReservedConcurrentExecutions: no reserved concurrency (neither on the"
                        + " function nor in Globals.Function)");
    }

    @Test
    void aTransformReservationBelowTheMapsConcurrencyIsReported() {
        Template t = Repo.mutated("  TransformReservedConcurrency:\n    Type: Number\n    Default: 100\n",
                "  TransformReservedConcurrency:\n    Type: Number\n    Default: 50\n");
        assertThat(check(t)).containsExactly("Resources.TransformFunction.Properties.ReservedConcurrentExecutions: default 50"
                + " (TransformReservedConcurrency) is below MapMaxConcurrency's default 100: the Distributed Map's own children"
                + " would be throttled");
    }

    @Test
    void aReservationOfZeroOrALiteralIsReported() {
        assertThat(check(Repo.mutated("  CompactReservedConcurrency:\n    Type: Number\n    Default: 10\n    MinValue: 1\n",
                "  CompactReservedConcurrency:\n    Type: Number\n    Default: 10\n    MinValue: 0\n"))).containsExactly(
                "Parameters.CompactReservedConcurrency: reserved concurrency needs a Default and a MinValue of at least 1"
                        + " (0 stops the function)");
        assertThat(check(Repo.mutated("      ReservedConcurrentExecutions: !Ref CompactReservedConcurrency\n",
                "      ReservedConcurrentExecutions: 5\n"))).containsExactly(
                "Resources.CompactFunction.Properties.ReservedConcurrentExecutions: expected !Ref to a Number parameter, so a"
                        + " deployment can size it; found 5");
    }

    @Test
    void provisionedConcurrencyAboveTheReservationIsReported() {
        Template t = Repo.mutated("  TransformProvisionedConcurrency:\n    Type: Number\n    Default: 0\n",
                "  TransformProvisionedConcurrency:\n    Type: Number\n    Default: 150\n");
        assertThat(check(t)).containsExactly("Resources.TransformFunction.Properties.ReservedConcurrentExecutions: default 100"
                + " is below the provisioned concurrency's default 150 (Lambda refuses more provisioned than reserved)");
    }
}
