package io.sensoretl.asl.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;
import org.junit.jupiter.api.Test;

class MapLimitsTest {
    private static MapLimits parse(String map) {
        return MapLimits.parse(Json.parse(map.replace('\'', '"')));
    }

    @Test
    void eachLimitIsParsedOnceIntoALiteralAReferenceOrJsonata() {
        MapLimits limits = parse("{'MaxConcurrency':3,'ToleratedFailureCountPath':'$.limits.count',"
                + "'ToleratedFailurePercentage':'{% $states.input.pct %}'}");
        assertThat(limits.maxConcurrency().source()).isEqualTo(new ValueSource.Literal(Json.parse("3")));
        ValueSource.Reference count = (ValueSource.Reference) limits.toleratedFailureCount().source();
        assertThat(count.text()).isEqualTo("$.limits.count");
        assertThat(count.path().segments()).hasSize(2);
        assertThat(limits.toleratedFailurePercentage().source()).isInstanceOf(ValueSource.Jsonata.class);
        assertThat(parse("{}").maxConcurrency().source()).isNull();
    }

    @Test
    void resolvesLiteralsPathsWithNumbersWrittenAsTextAndJsonata() {
        StubValues values = new StubValues("{\"limits\":{\"count\":\" 2 \"}}", "12.5");
        MapLimits limits = parse("{'MaxConcurrency':3,'ToleratedFailureCountPath':'$.limits.count',"
                + "'ToleratedFailurePercentage':'{% $states.input.pct %}'}");
        assertThat(limits.resolve(values)).isEqualTo(new MapLimits.Resolved(3, 2L, 12.5));
        assertThat(values.jsonataFields).containsExactly("ToleratedFailurePercentage={% $states.input.pct %}");
        assertThat(parse("{}").resolve(values)).isEqualTo(new MapLimits.Resolved(0, null, null));
    }

    @Test
    void aPathThatSelectsNothingIsAStatesRuntimeErrorNamingIt() {
        assertThatThrownBy(() -> parse("{'MaxConcurrencyPath':'$.missing'}").resolve(new StubValues("{}", null)))
                .isInstanceOf(FailureException.class).hasMessageContaining("States.Runtime")
                .hasMessageEndingWith("The MaxConcurrencyPath field refers to no value: $.missing");
    }

    @Test
    void badValuesNameTheFieldTheValueAndThePath() {
        assertThatThrownBy(() -> parse("{'MaxConcurrencyPath':'$.m'}").resolve(new StubValues("{\"m\":1.5}", null)))
                .hasMessageEndingWith("The MaxConcurrencyPath field refers to value \"1.5\" which is not a valid integer: $.m");
        assertThatThrownBy(() -> parse("{'MaxConcurrency':'x'}").resolve(new StubValues("{}", null)))
                .hasMessageEndingWith("The MaxConcurrency field refers to value \"x\" which is not a valid integer.");
        assertThatThrownBy(() -> parse("{'ToleratedFailureCount':-1}").resolve(new StubValues("{}", null)))
                .hasMessageEndingWith("ToleratedFailureCount cannot be negative.");
        assertThatThrownBy(() -> parse("{'ToleratedFailurePercentage':101}").resolve(new StubValues("{}", null)))
                .hasMessageEndingWith("ToleratedFailurePercentage must be between 0 and 100.");
    }

    @Test
    void everyValueIsReadBeforeAnyIsChecked() {
        assertThatThrownBy(() -> parse("{'MaxConcurrency':'x','ToleratedFailurePercentagePath':'$.nope'}")
                .resolve(new StubValues("{}", null)))
                .hasMessageEndingWith("The ToleratedFailurePercentagePath field refers to no value: $.nope");
    }
}
