package io.sensoretl.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * Recommends a Lambda memory size: among the candidate sizes (from the function's floor to Lambda's
 * maximum, in steps), find the fastest duration, keep the sizes whose duration is within
 * {@code (1 + slowdown)} of it, and pick the cheapest of those (the smaller on a tie).
 */
public final class MemoryAdvisor {
    private final int fullVcpuMemoryMb;
    private final int minMemoryMb;
    private final int maxMemoryMb;
    private final int stepMb;

    public MemoryAdvisor(int fullVcpuMemoryMb, int minMemoryMb, int maxMemoryMb, int stepMb) {
        if (minMemoryMb <= 0 || maxMemoryMb < minMemoryMb || stepMb <= 0) {
            throw new IllegalArgumentException("memory candidates need 0 < min <= max and step > 0, got min " + minMemoryMb
                    + ", max " + maxMemoryMb + ", step " + stepMb);
        }
        this.fullVcpuMemoryMb = fullVcpuMemoryMb;
        this.minMemoryMb = minMemoryMb;
        this.maxMemoryMb = maxMemoryMb;
        this.stepMb = stepMb;
    }

    public MemoryChoice at(FunctionLoad load, int memoryMb, double gbSecondPrice, double requestPrice) {
        double seconds = load.secondsAt(memoryMb, fullVcpuMemoryMb);
        double gbs = load.gbSecondsAt(memoryMb, fullVcpuMemoryMb);
        return new MemoryChoice(memoryMb, seconds, gbs, gbs * gbSecondPrice + load.invocations() * requestPrice);
    }

    /** Candidate sizes: {@code min, min + step, ...} up to {@code max}, skipping those below the function's floor. */
    public List<Integer> candidates(int floorMb) {
        List<Integer> sizes = new ArrayList<>();
        for (int m = minMemoryMb; m <= maxMemoryMb; m += stepMb) {
            if (m >= floorMb) {
                sizes.add(m);
            }
        }
        if (sizes.isEmpty()) {
            throw new CostInputException("no Lambda memory size fits a floor of " + floorMb + " MB (maximum " + maxMemoryMb + " MB)");
        }
        return sizes;
    }

    public MemoryRecommendation recommend(FunctionLoad load, double slowdown, double gbSecondPrice, double requestPrice) {
        if (slowdown < 0) {
            throw new CostInputException("the accepted slowdown must be >= 0, got " + slowdown);
        }
        List<MemoryChoice> choices = candidates(load.minMemoryMb()).stream()
                .map(m -> at(load, m, gbSecondPrice, requestPrice)).toList();
        MemoryChoice fastest = choices.get(0);
        for (MemoryChoice c : choices) {
            if (c.secondsPerInvocation() < fastest.secondsPerInvocation() - 1e-12
                    || (Math.abs(c.secondsPerInvocation() - fastest.secondsPerInvocation()) <= 1e-12 && c.usd() < fastest.usd())) {
                fastest = c;
            }
        }
        double limit = fastest.secondsPerInvocation() * (1 + slowdown);
        MemoryChoice chosen = null;
        for (MemoryChoice c : choices) {
            if (c.secondsPerInvocation() <= limit + 1e-12 && (chosen == null || c.usd() < chosen.usd() - 1e-15)) {
                chosen = c;
            }
        }
        return new MemoryRecommendation(load.function(), chosen, fastest, slowdown, load.minMemoryMb(),
                explain(load, chosen, fastest, slowdown));
    }

    private String explain(FunctionLoad load, MemoryChoice chosen, MemoryChoice fastest, double slowdown) {
        double cpuShareOfTime = load.cpuSeconds() / (load.cpuSeconds() + load.ioSeconds());
        StringBuilder s = new StringBuilder();
        s.append(String.format("%d MB: %.2f s per invocation, %.1f%% slower than the fastest (%d MB, %.2f s) and %.1f%% cheaper",
                chosen.memoryMb(), chosen.secondsPerInvocation(),
                100 * (chosen.secondsPerInvocation() / fastest.secondsPerInvocation() - 1), fastest.memoryMb(),
                fastest.secondsPerInvocation(), fastest.usd() == 0 ? 0 : 100 * (1 - chosen.usd() / fastest.usd())));
        s.append(String.format(" (accepted slowdown %.0f%%). ", 100 * slowdown));
        if (cpuShareOfTime >= 0.5) {
            s.append(String.format("CPU-bound (%.0f%% of the time at one vCPU): below %,d MB the CPU share, and so the speed,"
                    + " shrinks with memory, so GB-s stay flat while the waiting part gets cheaper; above it a single thread"
                    + " gains nothing, so more memory only costs more.", 100 * cpuShareOfTime, fullVcpuMemoryMb));
        } else {
            s.append(String.format("Mostly waiting on AWS calls (%.0f%% of the time at one vCPU): more memory barely speeds it up,"
                    + " so the smallest size within the slowdown wins", 100 * (1 - cpuShareOfTime)));
            s.append(chosen.memoryMb() == load.minMemoryMb() ? String.format(" (its floor is %d MB).", load.minMemoryMb()) : ".");
        }
        return s.toString();
    }
}
