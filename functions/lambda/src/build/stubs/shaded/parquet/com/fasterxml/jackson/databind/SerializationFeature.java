package shaded.parquet.com.fasterxml.jackson.databind;

/** See {@link ObjectMapper}: the one feature ParquetMetadata's static initialiser sets. */
public enum SerializationFeature {
    FAIL_ON_EMPTY_BEANS
}
