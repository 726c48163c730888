package io.sensoretl.asl.states;

import io.sensoretl.asl.progress.BranchesProgress;
import io.sensoretl.asl.runtime.StateEnv;

/** What a redriven Parallel or inline Map state reuses: its earlier branches or iterations, if they line up. */
final class Branches {
    private Branches() {}

    /** The earlier progress of this state's children when it is being redriven and has as many; else null. */
    static BranchesProgress resumable(StateEnv env, int count) {
        if (env.takeResume() instanceof BranchesProgress earlier && earlier.size() == count) {
            return earlier;
        }
        return null;
    }
}
