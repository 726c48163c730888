package io.sensoretl.parquet;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Reject;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Opens Parquet writers and readers for the project's two tables, configured so that no Hadoop
 * class is loaded at run time ({@link PlainParquetConfiguration} plus {@link CompressionCodecs}).
 */
public final class ParquetFiles {
    private ParquetFiles() {}

    /** Row groups of 64 MiB keep the writer's buffered memory bounded whatever the chunk size. */
    public static final int ROW_GROUP_BYTES = 64 * 1024 * 1024;

    public static ParquetWriter<Reading> readingWriter(OutputFile file) throws IOException {
        return new Builder<>(file, new ReadingWriteSupport()).build();
    }

    /** A readings-schema writer; {@code plainColumns} are written without a dictionary. */
    static <T> ParquetWriter<T> writer(OutputFile file, WriteSupport<T> support, String... plainColumns) throws IOException {
        Builder<T> builder = new Builder<>(file, support);
        for (String column : plainColumns) {
            builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    public static ParquetWriter<Reject> rejectWriter(OutputFile file) throws IOException {
        return new Builder<>(file, new RejectWriteSupport()).build();
    }

    public static ReadingRows readingReader(InputFile file) throws IOException {
        return new ReadingRows(file);
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final WriteSupport<T> support;

        Builder(OutputFile file, WriteSupport<T> support) {
            super(file);
            this.support = support;
            withConf(new PlainParquetConfiguration());
            withCodecFactory(CompressionCodecs.INSTANCE);
            withCompressionCodec(CompressionCodecName.ZSTD);
            withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
            withRowGroupSize((long) ROW_GROUP_BYTES);
            withDictionaryEncoding(true);
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
