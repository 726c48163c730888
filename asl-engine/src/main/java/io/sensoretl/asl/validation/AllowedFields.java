package io.sensoretl.asl.validation;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The fields each state type may carry, per the States Language (both query languages). */
final class AllowedFields {
    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage", "Next", "End", "InputPath",
            "OutputPath", "Assign", "Output");
    private static final Set<String> RESULT = Set.of("Parameters", "Arguments", "ResultSelector", "ResultPath",
            "Retry", "Catch");
    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "Pass", Set.of("Result", "Parameters", "ResultPath"),
            "Task", Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath",
                    "Credentials"),
            "Choice", Set.of("Choices", "Default"),
            "Wait", Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
            "Succeed", Set.of(),
            "Fail", Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            "Parallel", Set.of("Branches"),
            "Map", Set.of("Iterator", "ItemProcessor", "ItemsPath", "Items", "ItemSelector", "ItemReader", "ItemBatcher",
                    "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
                    "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label"));

    private AllowedFields() {}

    static boolean isType(String type) {
        return BY_TYPE.containsKey(type);
    }

    static Set<String> of(String type) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(BY_TYPE.get(type));
        if (type.equals("Task") || type.equals("Parallel") || type.equals("Map")) {
            all.addAll(RESULT);
        }
        return all;
    }
}
