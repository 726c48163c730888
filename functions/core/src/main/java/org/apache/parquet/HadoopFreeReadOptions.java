package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Read options built without touching Hadoop. Both public {@code ParquetReadOptions.Builder}
 * constructors create Hadoop's codec factory and ask {@code ParquetInputFormat} for a filter before
 * any setting can be changed, which fails in the Lambda jars (no Hadoop at run time):
 * {@code NoClassDefFoundError: org/apache/hadoop/io/compress/zlib/ZlibCompressor$CompressionLevel}.
 * This class lives in Parquet's package to call the constructor the builder itself uses, with the
 * builder's defaults; the compiler checks the call, so a Parquet upgrade that changes it fails the build.
 */
public final class HadoopFreeReadOptions {
    /** parquet-hadoop's default {@code parquet.read.allocation.size}. */
    private static final int ALLOCATION_SIZE = 8 * 1024 * 1024;

    private HadoopFreeReadOptions() {}

    public static ParquetReadOptions with(CompressionCodecFactory codecs) {
        return with(codecs, FilterCompat.NOOP);
    }

    /** As {@link #with(CompressionCodecFactory)}, reading only the row groups and pages {@code filter} may match. */
    public static ParquetReadOptions with(CompressionCodecFactory codecs, FilterCompat.Filter filter) {
        return new ParquetReadOptions(
                false, // useSignedStringMinMax
                true, // useStatsFilter
                true, // useDictionaryFilter
                true, // useRecordFilter
                true, // useColumnIndexFilter
                false, // usePageChecksumVerification
                true, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                filter,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                ALLOCATION_SIZE,
                new HashMap<>(),
                null, // no decryption
                null, // no metrics callback
                new PlainParquetConfiguration());
    }
}
