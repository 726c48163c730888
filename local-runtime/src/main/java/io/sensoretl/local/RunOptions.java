package io.sensoretl.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Per-run settings the local runtime adds to the event as {@code options} (on AWS the functions'
 * environment supplies them): the workflow passes them to the plan and transform functions.
 *
 * @param contract   contract URI ({@code s3://...}, {@code classpath:...}); null = the functions' default
 * @param chunkBytes target chunk size; null = the planner's default
 * @param force      start a new run even if the ledger says the upload was processed
 */
public record RunOptions(String contract, Long chunkBytes, boolean force) {
    public static final RunOptions DEFAULTS = new RunOptions(null, null, false);

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (contract != null) {
            o.put("contract", contract);
        }
        if (chunkBytes != null) {
            o.put("chunkBytes", chunkBytes);
        }
        if (force) {
            o.put("force", true);
        }
        return o;
    }
}
