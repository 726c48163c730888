package io.sensoretl.parquet;

import io.sensoretl.reading.Reading;
import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a curated Parquet file back as {@link Reading}s, row group by row group, on
 * {@link ParquetFileReader} directly. parquet-hadoop's {@code ParquetReader} cannot be used: merely
 * linking it makes the JVM load Hadoop's {@code PathFilter}, which the Lambda jars do not ship
 * (a fresh JVM on the compact jar failed with {@code NoClassDefFoundError}, see docs/performance.md).
 */
public final class ReadingRows implements Closeable {
    private final ParquetFileReader file;
    private final MessageColumnIO columns;
    private final RecordMaterializer<Reading> materializer;
    private RecordReader<Reading> rows;
    private long remaining;

    ReadingRows(InputFile input) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        this.file = ParquetFileReader.open(input, HadoopFreeReadOptions.with(CompressionCodecs.INSTANCE));
        try {
            MessageType fileSchema = file.getFooter().getFileMetaData().getSchema();
            Map<String, String> meta = file.getFooter().getFileMetaData().getKeyValueMetaData();
            Map<String, Set<String>> metaSets = meta.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.of(e.getValue())));
            ReadSupport<Reading> support = new ReadingReadSupport();
            ReadSupport.ReadContext context = support.init(new InitContext(conf, metaSets, fileSchema));
            this.materializer = support.prepareForRead(conf, meta, fileSchema, context);
            this.columns = new ColumnIOFactory(file.getFooter().getFileMetaData().getCreatedBy())
                    .getColumnIO(context.getRequestedSchema(), fileSchema, true);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The next row, or {@code null} at the end of the file. */
    public Reading read() throws IOException {
        while (remaining == 0) {
            PageReadStore group = file.readNextRowGroup();
            if (group == null) {
                return null;
            }
            rows = columns.getRecordReader(group, materializer);
            remaining = group.getRowCount();
        }
        remaining--;
        return rows.read();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
