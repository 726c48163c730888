package io.sensoretl.parquet;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
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
                int bound(int length) {
                    return (int) Zstd.compressBound(length);
                }

                @Override
                int compress(byte[] in, int offset, int length, byte[] out) {
                    long n = Zstd.compressByteArray(out, 0, out.length, in, offset, length, ZSTD_LEVEL);
                    if (Zstd.isError(n)) {
                        throw new IllegalStateException("ZSTD compression failed: " + Zstd.getErrorName(n));
                    }
                    return (int) n;
                }
            };
            case SNAPPY -> new Compressor(codec) {
                @Override
                int bound(int length) {
                    return Snappy.maxCompressedLength(length);
                }

                @Override
                int compress(byte[] in, int offset, int length, byte[] out) throws IOException {
                    return Snappy.compress(in, offset, length, out, 0);
                }
            };
            case UNCOMPRESSED -> new Compressor(codec) {
                @Override
                public BytesInput compress(BytesInput bytes) {
                    return bytes;
                }

                @Override
                int bound(int length) {
                    return length;
                }

                @Override
                int compress(byte[] in, int offset, int length, byte[] out) {
                    System.arraycopy(in, offset, out, 0, length);
                    return length;
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

    /**
     * Compresses a page straight from the bytes it is given (no copy when they are one array) into an
     * output buffer the compressor keeps: Parquet's page writer copies the result before the next page,
     * so one buffer serves every page of a column chunk.
     */
    private abstract static class Compressor implements BytesInputCompressor {
        private final CompressionCodecName codec;
        private byte[] out = new byte[0];

        Compressor(CompressionCodecName codec) {
            this.codec = codec;
        }

        abstract int bound(int length);

        abstract int compress(byte[] in, int offset, int length, byte[] out) throws IOException;

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            ByteBuffer in = bytes.toByteBuffer(HeapByteBufferAllocator.getInstance(), b -> { });
            if (!in.hasArray()) {
                byte[] copy = new byte[in.remaining()];
                in.get(copy);
                in = ByteBuffer.wrap(copy);
            }
            int length = in.remaining();
            int bound = bound(length);
            if (out.length < bound) {
                out = new byte[Math.max(bound, out.length * 2)];
            }
            int n = compress(in.array(), in.arrayOffset() + in.position(), length, out);
            return BytesInput.from(out, 0, n);
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
