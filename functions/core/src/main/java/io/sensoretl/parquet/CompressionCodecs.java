package io.sensoretl.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression on zstd-jni and snappy-java directly. parquet-hadoop's own factory goes
 * through Hadoop's codec classes, which would drag hadoop-common (~50 MB) into every Lambda jar.
 */
public final class CompressionCodecs implements CompressionCodecFactory {

    /** ZSTD level 3 is zstd's default: most of the ratio at a fraction of the cost of higher levels. */
    public static final int ZSTD_LEVEL = 3;

    public static final CompressionCodecs INSTANCE = new CompressionCodecs();

    private CompressionCodecs() {}

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] in) {
                    return Zstd.compress(in, ZSTD_LEVEL);
                }
            };
            case SNAPPY -> new Compressor(codec) {
                @Override
                byte[] compress(byte[] in) throws IOException {
                    return Snappy.compress(in);
                }
            };
            case UNCOMPRESSED -> new Compressor(codec) {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                byte[] compress(byte[] in) {
                    return in;
                }
            };
            default -> throw unsupported(codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> new Decompressor() {
                @Override
                byte[] decompress(byte[] in, int size) {
                    byte[] out = new byte[size];
                    long n = Zstd.decompress(out, in);
                    if (Zstd.isError(n) || n != size) {
                        throw new IllegalStateException("corrupt ZSTD page: " + Zstd.getErrorName(n));
                    }
                    return out;
                }
            };
            case SNAPPY -> new Decompressor() {
                @Override
                byte[] decompress(byte[] in, int size) throws IOException {
                    return Snappy.uncompress(in);
                }
            };
            case UNCOMPRESSED -> new Decompressor() {
                @Override
                byte[] decompress(byte[] in, int size) {
                    return in;
                }
            };
            default -> throw unsupported(codec);
        };
    }

    @Override
    public void release() {
        // stateless: nothing pooled
    }

    private static UnsupportedOperationException unsupported(CompressionCodecName codec) {
        return new UnsupportedOperationException(
                "Parquet codec " + codec + " is not supported; sensor-etl reads and writes ZSTD, SNAPPY and UNCOMPRESSED");
    }

    private abstract static class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        abstract byte[] compress(byte[] in) throws IOException;

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {}
    }

    private abstract static class Decompressor implements BytesInputDecompressor {
        abstract byte[] decompress(byte[] in, int uncompressedSize) throws IOException;

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            return BytesInput.from(decompress(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(in, uncompressedSize));
        }

        @Override
        public void release() {}
    }
}
