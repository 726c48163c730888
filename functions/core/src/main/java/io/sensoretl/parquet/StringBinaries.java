package io.sensoretl.parquet;

import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.io.api.Binary;

/**
 * UTF-8 encodings of the strings of one column, remembered: sensor ids, metrics, units and the run's
 * source key repeat on almost every row, and encoding each occurrence afresh was a third of the
 * transform's allocation. Bounded: a column of mostly distinct strings just clears it now and then.
 */
final class StringBinaries {
    private static final int MAX_ENTRIES = 4096;

    private final Map<String, Binary> encoded = new HashMap<>();
    private String lastString;
    private Binary lastBinary;

    Binary of(String s) {
        if (s == lastString) {
            return lastBinary; // the source key and run id are the same instance on every row of a chunk
        }
        Binary b = encoded.get(s);
        if (b == null) {
            if (encoded.size() >= MAX_ENTRIES) {
                encoded.clear();
            }
            b = Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            encoded.put(s, b);
        }
        lastString = s;
        lastBinary = b;
        return b;
    }
}
