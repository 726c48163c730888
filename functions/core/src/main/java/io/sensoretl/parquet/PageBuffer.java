package io.sensoretl.parquet;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;

/** A growable byte buffer for one page, handed to the page writer without a copy and reused for the next. */
final class PageBuffer extends OutputStream {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    byte[] buf = new byte[1 << 16];
    int size;

    void reset() {
        size = 0;
    }

    void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void writeIntLittleEndian(int v) {
        ensure(4);
        INTS.set(buf, size, v);
        size += 4;
    }

    /** Writes an int at an earlier position (a length prefix known only afterwards). */
    void setIntLittleEndian(int at, int v) {
        INTS.set(buf, at, v);
    }

    void writeLongLittleEndian(long v) {
        ensure(8);
        LONGS.set(buf, size, v);
        size += 8;
    }

    void writeDoubleLittleEndian(double v) {
        ensure(8);
        DOUBLES.set(buf, size, v);
        size += 8;
    }

    void writeUnsignedVarInt(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    void writeUnsignedVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
    }

    BytesInput bytes() {
        return BytesInput.from(buf, 0, size);
    }
}
