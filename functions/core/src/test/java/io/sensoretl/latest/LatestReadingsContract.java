package io.sensoretl.latest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link LatestReadings} must have; run against DynamoDB (dynalite) and the local file. */
public abstract class LatestReadingsContract {
    LatestReadings store;

    protected abstract LatestReadings newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    protected static LatestReading at(String sensor, String metric, long ts, double value, String run) {
        return new LatestReading(sensor, metric, ts, value, "degC", run);
    }

    @Test
    void outOfOrderRunsNeverMoveAReadingBackwards() {
        LatestReading monday = at("s-1", "temperature", 1_000, 10.0, "run-mon");
        LatestReading wednesday = at("s-1", "temperature", 3_000, 30.0, "run-wed");
        LatestReading tuesday = at("s-1", "temperature", 2_000, 20.0, "run-tue");

        UpsertSummary wed = store.upsertIfNewer(List.of(wednesday));
        UpsertSummary tue = store.upsertIfNewer(List.of(tuesday));
        UpsertSummary mon = store.upsertIfNewer(List.of(monday));

        assertThat(store.get("s-1", "temperature")).contains(wednesday);
        assertThat(wed).isEqualTo(new UpsertSummary(1, 0));
        assertThat(tue).isEqualTo(new UpsertSummary(0, 1));
        assertThat(mon).isEqualTo(new UpsertSummary(0, 1));
    }

    @Test
    void everyArrivalOrderOfRunsEndsWithTheNewestReading() {
        Random random = new Random(11);
        List<LatestReading> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(at("s-" + i % 2, "humidity", 1_000 + random.nextInt(5) * 100, i, "run-" + i));
        }
        for (int round = 0; round < 3; round++) {
            Collections.shuffle(runs, random);
            for (LatestReading r : runs) {
                store.upsertIfNewer(List.of(r));
            }
        }
        for (String sensor : List.of("s-0", "s-1")) {
            LatestReading newest = runs.stream().filter(r -> r.sensorId().equals(sensor))
                    .max(LatestReading.RECENCY).orElseThrow();
            assertThat(store.get(sensor, "humidity")).contains(newest);
        }
    }

    @Test
    void aTieOnTimeIsDecidedByRunIdWhateverTheOrder() {
        LatestReading a = at("s-1", "co2", 5_000, 400, "run-a");
        LatestReading b = at("s-1", "co2", 5_000, 410, "run-b");

        store.upsertIfNewer(List.of(b));
        store.upsertIfNewer(List.of(a));

        assertThat(store.get("s-1", "co2")).contains(b);
    }

    @Test
    void aBatchWritesOneItemPerSeriesAndReappliedItChangesNothing() {
        List<LatestReading> batch = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            for (String metric : List.of("humidity", "temperature")) {
                batch.add(new LatestReading("sensor-" + s, metric, 10_000 + s, s * 1.5, s % 3 == 0 ? null : "u", "run-1"));
            }
        }

        UpsertSummary first = store.upsertIfNewer(batch);
        UpsertSummary again = store.upsertIfNewer(batch);

        assertThat(first).isEqualTo(new UpsertSummary(80, 0));
        assertThat(again).isEqualTo(new UpsertSummary(0, 80));
        assertThat(store.forSensor("sensor-3")).containsExactly(batch.get(6), batch.get(7));
        assertThat(store.get("sensor-3", "humidity").orElseThrow().unit()).isNull();
        assertThat(store.get("sensor-99", "humidity")).isEmpty();
    }

    @Test
    void tinyHugeAndNegativeValuesRoundTripExactly() {
        List<LatestReading> values = List.of(at("s-1", "a", 1, 1.0E-5, "r"), at("s-1", "b", 1, 6.02214076E23, "r"),
                at("s-1", "c", 1, -273.15, "r"), at("s-1", "d", 1, 0.1 + 0.2, "r"));

        store.upsertIfNewer(values);

        assertThat(store.forSensor("s-1")).containsExactlyElementsOf(values);
    }

    @Test
    void concurrentWritersOfOneSeriesLeaveTheNewest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<UpsertSummary>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LatestReading r = at("s-hot", "temperature", 1_000 + (i * 7919L) % 16, i, "run-" + i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return store.upsertIfNewer(List.of(r));
                }));
            }
            go.countDown();
            for (Future<UpsertSummary> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.get("s-hot", "temperature").orElseThrow().tsMicros()).isEqualTo(1_015);
    }
}
