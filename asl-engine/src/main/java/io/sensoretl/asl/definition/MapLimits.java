package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A Map's MaxConcurrency and failure tolerance. */
public record MapLimits(MaxConcurrency maxConcurrency, ToleratedFailureCount toleratedFailureCount,
                        ToleratedFailurePercentage toleratedFailurePercentage) {

    /** The limits of one run; count and percentage are null when not given. */
    public record Resolved(int maxConcurrency, Long toleratedFailureCount, Double toleratedFailurePercentage) {}

    static MapLimits parse(JsonNode state) {
        return new MapLimits(MaxConcurrency.parse(state), ToleratedFailureCount.parse(state),
                ToleratedFailurePercentage.parse(state));
    }

    /** All three values are read before any is checked, so a missing path is reported before a bad value. */
    public Resolved resolve(ValueContext context) {
        JsonNode max = maxConcurrency.value(context);
        JsonNode count = toleratedFailureCount.value(context);
        JsonNode percentage = toleratedFailurePercentage.value(context);
        return new Resolved(maxConcurrency.resolve(max, context), toleratedFailureCount.resolve(count, context),
                toleratedFailurePercentage.resolve(percentage, context));
    }
}
