package io.sensoretl.cli.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time and allocation: CPU time of this whole process (all JVM threads, GC included, and DuckDB's native threads), so a
 * throughput per CPU-second stays comparable when other work shares the machine.
 */
final class ProcessCpu {
    private ProcessCpu() {}

    static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new IllegalStateException("this JVM does not report process CPU time");
    }

    /** CPU time of the calling thread (the transforming thread), in nanoseconds. */
    static long threadNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Time the JIT compilers have spent so far, in milliseconds (what a fresh JVM pays to get fast code). */
    static long compileMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Time the garbage collectors have spent collecting so far, in milliseconds. */
    static long gcMillis() {
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** Bytes allocated so far by the calling thread (the transform runs on it), a measure immune to noise. */
    static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        throw new IllegalStateException("this JVM does not report allocated bytes");
    }
}
