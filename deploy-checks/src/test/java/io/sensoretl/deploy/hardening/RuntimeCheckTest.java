package io.sensoretl.deploy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import org.junit.jupiter.api.Test;

class RuntimeCheckTest {

    @Test
    void onlyRuntimesLambdaStillCreatesFunctionsOnAreOffered() {
        assertThat(RuntimeCheck.check(Repo.template())).isEmpty();
    }

    @Test
    void offeringJava17IsReported() {
        assertThat(RuntimeCheck.check(Repo.mutated("    AllowedValues: [java21, java25]\n", "    AllowedValues: [java17, java21]\n")))
                .containsExactly("Parameters.JavaRuntime.AllowedValues: offers java17, on which Lambda no longer creates"
                        + " functions; supported: [java21, java25]");
    }

    @Test
    void aLiteralRuntimeOrAnOpenParameterIsChecked() {
        assertThat(RuntimeCheck.check(Repo.mutated("    Runtime: !Ref JavaRuntime\n", "    Runtime: java17\n")))
                .containsExactly("Globals.Function.Runtime: java17 is not one of [java21, java25]");
        assertThat(RuntimeCheck.check(Repo.mutated("    AllowedValues: [java21, java25]\n", "")))
                .containsExactly("Parameters.JavaRuntime: no AllowedValues, so any runtime could be deployed; allow only [java21, java25]");
    }
}
