package io.sensoretl.validate;

import io.sensoretl.contract.Contract;
import io.sensoretl.decode.FieldError;
import io.sensoretl.reading.RejectReason;
import java.util.List;

/**
 * The contract's duplicate rule for one chunk: a reading whose dedupe-key fields equal those of one of
 * the last {@code window} accepted readings is rejected. The key is a 64-bit fingerprint of the fields;
 * strings enter it through {@link #hash(String)}, so a caller that meets the same string many times
 * (the columnar path, per dictionary entry) hashes it once.
 */
public final class DedupeWindow {
    private static final int SENSOR_ID = 0;
    private static final int TS = 1;
    private static final int METRIC = 2;
    private static final int VALUE = 3;
    private static final int UNIT = 4;
    private static final int LAT = 5;
    private static final int LON = 6;

    private final int[] fields;
    private final RecentKeys recent;
    private final FieldError duplicate;

    public DedupeWindow(Contract contract) {
        List<String> key = contract.dedupeKey();
        this.fields = new int[key.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = switch (key.get(i)) {
                case "sensor_id" -> SENSOR_ID;
                case "ts" -> TS;
                case "metric" -> METRIC;
                case "value" -> VALUE;
                case "unit" -> UNIT;
                case "lat" -> LAT;
                case "lon" -> LON;
                default -> throw new IllegalStateException("dedupe field " + key.get(i));
            };
        }
        this.recent = contract.dedupeWindow() > 0 ? new RecentKeys(contract.dedupeWindow()) : null;
        this.duplicate = new FieldError(RejectReason.DUPLICATE, "same " + contract.dedupeKey() + " as an earlier reading");
    }

    public boolean enabled() {
        return recent != null;
    }

    /** The fingerprint of a string field's value; {@code null} (no unit) has its own. */
    public static long hash(String s) {
        if (s == null) {
            return -1L;
        }
        long h = Fingerprint.OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * Fingerprint.PRIME;
        }
        return (h ^ 0xff) * Fingerprint.PRIME;
    }

    /** The dedupe key of a reading from its fields (strings as {@link #hash}es; an absent coordinate as hasLat false). */
    public long key(long sensorHash, long ts, long metricHash, double value, long unitHash, boolean hasLat, double lat,
            boolean hasLon, double lon) {
        long h = Fingerprint.OFFSET;
        for (int field : fields) {
            long v = switch (field) {
                case SENSOR_ID -> sensorHash;
                case TS -> ts;
                case METRIC -> metricHash;
                case VALUE -> Double.doubleToLongBits(value);
                case UNIT -> unitHash;
                case LAT -> hasLat ? Double.doubleToLongBits(lat) : -1;
                default -> hasLon ? Double.doubleToLongBits(lon) : -1;
            };
            h = Fingerprint.add(h, v);
        }
        return h;
    }

    /** Records the key; false when it is in the window already (the reading is a duplicate). */
    public boolean add(long key) {
        return recent == null || recent.add(key);
    }

    /** The chunk is done: the window's memory may be reused by the next chunk of this thread. */
    public void release() {
        if (recent != null) {
            recent.release();
        }
    }

    public FieldError duplicateError() {
        return duplicate;
    }
}
