package io.sensoretl.asl.errors;

/** The closed set of error names the Step Functions runtime itself raises. */
public enum StatesErrorName {
    ALL("States.ALL"),
    HEARTBEAT_TIMEOUT("States.HeartbeatTimeout"),
    TIMEOUT("States.Timeout"),
    TASK_FAILED("States.TaskFailed"),
    PERMISSIONS("States.Permissions"),
    RESULT_PATH_MATCH_FAILURE("States.ResultPathMatchFailure"),
    PARAMETER_PATH_FAILURE("States.ParameterPathFailure"),
    QUERY_EVALUATION_ERROR("States.QueryEvaluationError"),
    BRANCH_FAILED("States.BranchFailed"),
    NO_CHOICE_MATCHED("States.NoChoiceMatched"),
    INTRINSIC_FAILURE("States.IntrinsicFailure"),
    EXCEED_TOLERATED_FAILURE_THRESHOLD("States.ExceedToleratedFailureThreshold"),
    ITEM_READER_FAILED("States.ItemReaderFailed"),
    RESULT_WRITER_FAILED("States.ResultWriterFailed"),
    RUNTIME("States.Runtime"),
    HTTP_SOCKET("States.Http.Socket"),
    DATA_LIMIT_EXCEEDED("States.DataLimitExceeded");

    private final String code;

    StatesErrorName(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StatesErrorName fromCode(String code) {
        for (StatesErrorName n : values()) {
            if (n.code.equals(code)) {
                return n;
            }
        }
        return null;
    }

    /** Names starting with "States." that are not in this enum are rejected by validation. */
    public static boolean isReserved(String name) {
        return name.startsWith("States.");
    }
}
