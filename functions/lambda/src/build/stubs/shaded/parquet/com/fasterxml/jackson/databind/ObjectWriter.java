package shaded.parquet.com.fasterxml.jackson.databind;

import java.io.Writer;

/** See {@link ObjectMapper}: Parquet's metadata JSON is not in the Lambda deployment jars. */
public class ObjectWriter {
    private ObjectWriter() {}

    public void writeValue(Writer out, Object value) {
        throw unsupported();
    }

    static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("Parquet's metadata as JSON (ParquetMetadata.toJSON/fromJSON) is not in the"
                + " Lambda deployment jars: its shaded Jackson is left out (docs/performance.md, \"Cold starts\")");
    }
}
