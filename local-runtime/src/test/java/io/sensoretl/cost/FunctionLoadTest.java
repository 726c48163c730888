package io.sensoretl.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FunctionLoadTest {
    private static final int FULL = 1769;

    @Test
    void halfTheFullVcpuMemoryGetsHalfTheCpu() {
        assertThat(FunctionLoad.cpuShare(884, FULL)).isCloseTo(884.0 / 1769, within(1e-12));
        assertThat(FunctionLoad.cpuShare(3538, FULL)).isEqualTo(1.0); // a second vCPU does not help one thread
    }

    @Test
    void cpuTimeStretchesBelowOneVcpuAndWaitingDoesNot() {
        FunctionLoad load = new FunctionLoad("f", 10, 2.0, 0.5, 128);
        // 0.5 s waiting + 2.0 s of CPU at a 884/1769 share = 0.5 + 2.0 * 1769 / 884
        assertThat(load.secondsAt(884, FULL)).isCloseTo(0.5 + 2.0 * 1769 / 884, within(1e-12));
        // at and above one vCPU: 0.5 + 2.0
        assertThat(load.secondsAt(1769, FULL)).isEqualTo(2.5);
        assertThat(load.secondsAt(4096, FULL)).isEqualTo(2.5);
        // 10 invocations x 2.5 s x 4096 MB / 1024 = 100 GB-s
        assertThat(load.gbSecondsAt(4096, FULL)).isEqualTo(100.0);
    }
}
