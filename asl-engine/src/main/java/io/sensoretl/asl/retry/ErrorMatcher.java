package io.sensoretl.asl.retry;

import io.sensoretl.asl.errors.StatesErrorName;
import java.util.List;

/** Decides whether an ErrorEquals list of a Retrier or Catcher covers an error name. */
final class ErrorMatcher {
    private ErrorMatcher() {}

    public static boolean matches(List<String> errorEquals, String error) {
        if (StatesErrorName.RUNTIME.code().equals(error)) {
            return false;
        }
        for (String candidate : errorEquals) {
            if (candidate.equals(error)) {
                return true;
            }
            if (candidate.equals(StatesErrorName.ALL.code()) && !isTerminal(error)) {
                return true;
            }
            // States.TaskFailed stands for any task failure except a timeout
            if (candidate.equals(StatesErrorName.TASK_FAILED.code())
                    && !isTerminal(error)
                    && !error.equals(StatesErrorName.TIMEOUT.code())
                    && !error.equals(StatesErrorName.HEARTBEAT_TIMEOUT.code())) {
                return true;
            }
        }
        return false;
    }

    /** Wildcards never cover these; States.Runtime cannot be handled at all, DataLimitExceeded only by name. */
    public static boolean isTerminal(String error) {
        return StatesErrorName.RUNTIME.code().equals(error) || StatesErrorName.DATA_LIMIT_EXCEEDED.code().equals(error);
    }
}
