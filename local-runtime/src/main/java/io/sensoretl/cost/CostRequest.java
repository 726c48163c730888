package io.sensoretl.cost;

/**
 * What the user asks: a dump of {@code sizeBytes}, cut into {@code chunkBytes} chunks, processed on
 * {@code arch}, with the transform at {@code transformMemoryMb} (null: the recommended size), memory
 * recommendations within {@code slowdown} (0.10 = 10%) of the fastest, and {@code chunksPerChild}
 * chunks per Express child execution (1 = no ItemBatcher, as shipped).
 */
public record CostRequest(long sizeBytes, long chunkBytes, Arch arch, Integer transformMemoryMb, double slowdown,
                          int chunksPerChild) {
    public CostRequest {
        if (sizeBytes <= 0) {
            throw new CostInputException("--size must be > 0 bytes, got " + sizeBytes);
        }
        if (chunkBytes <= 0) {
            throw new CostInputException("--chunk must be > 0 bytes, got " + chunkBytes);
        }
        if (transformMemoryMb != null && (transformMemoryMb < 128 || transformMemoryMb > 10240)) {
            throw new CostInputException("--memory must be between 128 and 10240 MB (Lambda's range), got " + transformMemoryMb);
        }
        if (slowdown < 0 || slowdown > 10) {
            throw new CostInputException("--slowdown must be between 0% and 1000%, got " + Math.round(slowdown * 100) + "%");
        }
        if (chunksPerChild < 1) {
            throw new CostInputException("--batch must be >= 1 chunk per child execution, got " + chunksPerChild);
        }
    }
}
