package shaded.parquet.com.fasterxml.jackson.databind;

import java.io.Reader;

/**
 * Stands in, in the Lambda deployment jars only, for the Jackson that Parquet shades
 * ({@code org.apache.parquet:parquet-jackson}, 2.1 MB in each jar). The only use of it the handlers
 * reach is {@code org.apache.parquet.hadoop.metadata.ParquetMetadata}'s static initialiser, which
 * builds a mapper for {@code toJSON}/{@code fromJSON}, debugging helpers no handler calls; building the
 * real one cost the first chunk ~0.2 s (375 classes). Its methods fail loudly, naming what is missing.
 * Added to a jar by LambdaJarPruner when a class kept in it refers to this one; see
 * docs/performance.md, "Cold starts".
 */
public class ObjectMapper {
    public ObjectMapper configure(SerializationFeature feature, boolean state) {
        return this;
    }

    public ObjectWriter writer() {
        throw ObjectWriter.unsupported();
    }

    public ObjectWriter writerWithDefaultPrettyPrinter() {
        throw ObjectWriter.unsupported();
    }

    public <T> T readValue(Reader json, Class<T> type) {
        throw ObjectWriter.unsupported();
    }
}
