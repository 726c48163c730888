package io.sensoretl.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MemoryAdvisorTest {
    private final MemoryAdvisor advisor = new MemoryAdvisor(1769, 128, 10240, 64);
    private static final double PRICE = 0.00001;

    @Test
    void aCpuBoundFunctionGetsTheSmallestSizeWithinTheSlowdown() {
        // 1 s of CPU + 0.1 s waiting. Fastest: 1.1 s at any size >= 1769 MB; the cheapest of those is 1792 MB
        // (128 + 26 x 64). Within 10%: 0.1 + 1769/m <= 1.21  =>  m >= 1769 / 1.11 = 1593.7  =>  1600 MB (128 + 23 x 64).
        FunctionLoad load = new FunctionLoad("transform", 1, 1.0, 0.1, 700);
        MemoryRecommendation r = advisor.recommend(load, 0.10, PRICE, 0);

        assertThat(r.fastest().memoryMb()).isEqualTo(1792);
        assertThat(r.fastest().secondsPerInvocation()).isCloseTo(1.1, within(1e-12));
        assertThat(r.chosen().memoryMb()).isEqualTo(1600);
        // 1600 MB: (0.1 + 1769/1600) s x 1600/1024 GB = 1.883789... GB-s, cheaper than 1792 MB: 1.1 x 1.75 = 1.925 GB-s
        assertThat(r.chosen().gbSeconds()).isCloseTo((0.1 + 1769.0 / 1600) * 1600 / 1024, within(1e-12));
        assertThat(r.fastest().gbSeconds()).isCloseTo(1.925, within(1e-12));
        assertThat(r.chosen().usd()).isLessThan(r.fastest().usd());
        assertThat(r.explanation()).contains("1600 MB").contains("CPU-bound").contains("1,769 MB");
    }

    @Test
    void withNoAcceptedSlowdownTheCheapestOfTheFastestSizesWins() {
        FunctionLoad load = new FunctionLoad("transform", 1, 1.0, 0.1, 700);
        assertThat(advisor.recommend(load, 0, PRICE, 0).chosen().memoryMb()).isEqualTo(1792);
    }

    @Test
    void aFunctionThatOnlyWaitsGetsItsFloor() {
        // no CPU work: 0.2 s at every size, so the smallest size at or above the 256 MB floor is cheapest
        FunctionLoad load = new FunctionLoad("close-run", 1, 0, 0.2, 256);
        MemoryRecommendation r = advisor.recommend(load, 0.10, PRICE, 0);
        assertThat(r.chosen().memoryMb()).isEqualTo(256);
        assertThat(r.explanation()).contains("its floor is 256 MB");
    }

    @Test
    void sizesBelowTheFloorAreNeverCandidates() {
        assertThat(advisor.candidates(700)).first().isEqualTo(704); // 128 + 9 x 64
        assertThat(advisor.candidates(700)).last().isEqualTo(10240); // 128 + 158 x 64
        assertThatThrownBy(() -> advisor.candidates(20000)).hasMessageContaining("floor of 20000 MB");
    }
}
