package io.sensoretl.cost;

/**
 * The work one Lambda function does for a run: how often it is invoked and, per invocation, the
 * seconds of single-threaded CPU work (measured on one full vCPU) and of waiting (S3, DynamoDB,
 * Glue round trips) that does not speed up with memory.
 *
 * <p>Lambda's CPU rule: a function gets CPU in proportion to its memory, one full vCPU at
 * {@code fullVcpuMemoryMb} (1,769 MB). Below that, CPU-bound time stretches by
 * {@code fullVcpuMemoryMb / memory}. Above it the function gets a second (and more) vCPU, which a
 * single-threaded transform cannot use: the model gives no speed-up beyond one vCPU. (The JVM's GC
 * and the SDK's I/O threads do use a second core a little; ignoring that makes large sizes look
 * slightly worse than they are, never better.)
 */
public record FunctionLoad(String function, long invocations, double cpuSeconds, double ioSeconds, int minMemoryMb) {

    public FunctionLoad {
        if (invocations < 0 || cpuSeconds < 0 || ioSeconds < 0) {
            throw new IllegalArgumentException(function + ": invocations and seconds must be >= 0");
        }
    }

    /** The CPU share a single thread gets at {@code memoryMb}: {@code min(1, memory / fullVcpu)}. */
    public static double cpuShare(int memoryMb, int fullVcpuMemoryMb) {
        return Math.min(1.0, (double) memoryMb / fullVcpuMemoryMb);
    }

    /** Seconds per invocation at {@code memoryMb}. */
    public double secondsAt(int memoryMb, int fullVcpuMemoryMb) {
        return ioSeconds + cpuSeconds / cpuShare(memoryMb, fullVcpuMemoryMb);
    }

    /** GB-seconds of all invocations at {@code memoryMb} (GB = 1,024 MB, as Lambda bills). */
    public double gbSecondsAt(int memoryMb, int fullVcpuMemoryMb) {
        return invocations * secondsAt(memoryMb, fullVcpuMemoryMb) * memoryMb / 1024.0;
    }
}
