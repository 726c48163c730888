package io.sensoretl.compact;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The file format of sorted runs: the spills of the in-memory sort on local disk, and the
 * per-slice output of a group task in the blob store ({@code runs/<run>/compact/...}). Private
 * working files, not an exchange format, so what matters is that it is cheap to write and to
 * read back with a small buffer: a merge then holds a 64 KiB stream per input rather than a
 * Parquet row group, which is what lets a slice merge hundreds of runs in bounded memory.
 *
 * <p>A zstd stream of blocks of up to {@value #BLOCK_ROWS} rows, each {@code [int length][rows]},
 * ending with length 0. Inside a block, columns follow one another; timestamps are zigzag varint
 * deltas; strings are coded against the last 8 distinct values of their column (sorted runs repeat
 * sensor ids, metrics, run ids and source keys), else written literally.
 */
final class RunFile {
    private RunFile() {}

    static final int BLOCK_ROWS = 4096;
    private static final int IO_BUFFER = 64 * 1024;
    private static final int ZSTD_LEVEL = 1;
    private static final int SLOTS = 8;
    private static final int NULL = 0;
    private static final int LITERAL = SLOTS + 1;

    /** Writes rows, in the order given, to a stream it owns. */
    static final class Writer implements AutoCloseable {
        private final OutputStream out;
        private final ReadingBatch block = new ReadingBatch(BLOCK_ROWS);
        private final Bytes buf = new Bytes();
        private final Mru sensor = new Mru();
        private final Mru metric = new Mru();
        private final Mru unit = new Mru();
        private final Mru attrKey = new Mru();
        private final Mru attrValue = new Mru();
        private final Mru source = new Mru();
        private final Mru run = new Mru();
        private long rows;
        private boolean closed;

        Writer(OutputStream target) throws IOException {
            this.out = new BufferedOutputStream(new ZstdOutputStream(new BufferedOutputStream(target, IO_BUFFER), ZSTD_LEVEL),
                    IO_BUFFER);
        }

        void append(ReadingBatch c, int i) throws IOException {
            block.append(c, i);
            rows++;
            if (block.isFull()) {
                flush();
            }
        }

        long rows() {
            return rows;
        }

        private void flush() throws IOException {
            int n = block.size();
            if (n == 0) {
                return;
            }
            Bytes b = buf;
            b.clear();
            b.varint(n);
            for (int i = 0; i < n; i++) {
                sensor.write(b, block.sensorId[i]);
            }
            long prev = 0;
            for (int i = 0; i < n; i++) {
                long d = block.ts[i] - prev;
                b.varint((d << 1) ^ (d >> 63));
                prev = block.ts[i];
            }
            for (int i = 0; i < n; i++) {
                metric.write(b, block.metric[i]);
            }
            for (int i = 0; i < n; i++) {
                b.longBits(Double.doubleToRawLongBits(block.value[i]));
            }
            for (int i = 0; i < n; i++) {
                unit.write(b, block.unit[i]);
            }
            for (int i = 0; i < n; i++) {
                int flags = (block.hasLat[i] ? 1 : 0) | (block.hasLon[i] ? 2 : 0);
                b.put(flags);
                if (block.hasLat[i]) {
                    b.longBits(Double.doubleToRawLongBits(block.lat[i]));
                }
                if (block.hasLon[i]) {
                    b.longBits(Double.doubleToRawLongBits(block.lon[i]));
                }
            }
            for (int i = 0; i < n; i++) {
                int from = block.attrStart[i];
                int to = block.attrStart[i + 1];
                b.varint(to - from);
                for (int a = from; a < to; a++) {
                    attrKey.write(b, block.attrKey[a]);
                    attrValue.write(b, block.attrValue[a]);
                }
            }
            for (int i = 0; i < n; i++) {
                source.write(b, block.sourceKey[i]);
            }
            for (int i = 0; i < n; i++) {
                run.write(b, block.runId[i]);
            }
            writeInt(out, b.size);
            out.write(b.data, 0, b.size);
            block.clear();
        }

        /** Writes the end marker and closes the stream (which publishes a blob). */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            flush();
            writeInt(out, 0);
            out.close();
        }
    }

    /** Reads a run back, batch by batch; strings are interned in the task's pool. */
    static final class Reader implements RowStream {
        private final String name;
        private final InputStream in;
        private final Utf8Pool pool;
        private final ReadingBatch batch = new ReadingBatch(BLOCK_ROWS);
        private final Mru sensor = new Mru();
        private final Mru metric = new Mru();
        private final Mru unit = new Mru();
        private final Mru attrKey = new Mru();
        private final Mru attrValue = new Mru();
        private final Mru source = new Mru();
        private final Mru run = new Mru();
        private final byte[] lengthBytes = new byte[4];
        private byte[] block = new byte[IO_BUFFER];
        private boolean ended;

        Reader(String name, InputStream source, Utf8Pool pool) throws IOException {
            this.name = name;
            this.in = new BufferedInputStream(new ZstdInputStream(new BufferedInputStream(source, IO_BUFFER)), IO_BUFFER);
            this.pool = pool;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ReadingBatch next() throws IOException {
            if (ended) {
                return null;
            }
            readFully(lengthBytes, 4);
            int length = ((lengthBytes[0] & 0xff) << 24) | ((lengthBytes[1] & 0xff) << 16) | ((lengthBytes[2] & 0xff) << 8)
                    | (lengthBytes[3] & 0xff);
            if (length == 0) {
                ended = true;
                return null;
            }
            if (length < 0) {
                throw new IOException(name + " is corrupt: block length " + length);
            }
            if (block.length < length) {
                block = new byte[Math.max(length, block.length * 2)];
            }
            readFully(block, length);
            decode(new Cursor(block, length));
            return batch;
        }

        private void decode(Cursor c) throws IOException {
            ReadingBatch b = batch;
            b.clear();
            int n = (int) c.varint();
            if (n <= 0 || n > BLOCK_ROWS) {
                throw new IOException(name + " is corrupt: block of " + n + " rows");
            }
            // columns are decoded straight into the batch's vectors (capacity BLOCK_ROWS); the row
            // pass below then only adds the attributes and the row count
            for (int i = 0; i < n; i++) {
                b.sensorId[i] = sensor.read(c, pool, true);
            }
            long prev = 0;
            for (int i = 0; i < n; i++) {
                long z = c.varint();
                prev += (z >>> 1) ^ -(z & 1);
                b.ts[i] = prev;
            }
            for (int i = 0; i < n; i++) {
                b.metric[i] = metric.read(c, pool, true);
            }
            for (int i = 0; i < n; i++) {
                b.value[i] = Double.longBitsToDouble(c.longBits());
            }
            for (int i = 0; i < n; i++) {
                b.unit[i] = unit.read(c, pool, true);
            }
            for (int i = 0; i < n; i++) {
                int flags = c.get();
                b.hasLat[i] = (flags & 1) != 0;
                b.hasLon[i] = (flags & 2) != 0;
                b.lat[i] = b.hasLat[i] ? Double.longBitsToDouble(c.longBits()) : 0;
                b.lon[i] = b.hasLon[i] ? Double.longBitsToDouble(c.longBits()) : 0;
            }
            for (int i = 0; i < n; i++) {
                int count = (int) c.varint();
                b.startRow(b.sensorId[i], b.ts[i], b.metric[i], b.value[i], b.unit[i], b.hasLat[i], b.lat[i],
                        b.hasLon[i], b.lon[i], null, null);
                for (int a = 0; a < count; a++) {
                    b.addAttribute(attrKey.read(c, pool, true), attrValue.read(c, pool, false));
                }
                b.endRow();
            }
            for (int i = 0; i < n; i++) {
                b.sourceKey[i] = source.read(c, pool, true);
            }
            for (int i = 0; i < n; i++) {
                b.runId[i] = run.read(c, pool, true);
            }
            if (c.pos != c.limit) {
                throw new IOException(name + " is corrupt: " + (c.limit - c.pos) + " bytes left in a block");
            }
        }

        private void readFully(byte[] into, int length) throws IOException {
            int off = 0;
            while (off < length) {
                int r;
                try {
                    r = in.read(into, off, length - off);
                } catch (IOException e) {
                    throw new IOException(name + " cannot be read (truncated or corrupt run file): " + e.getMessage(), e);
                }
                if (r < 0) {
                    throw new EOFException(name + " ends early: truncated run file");
                }
                off += r;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** The last {@value SLOTS} distinct values of one string column, mirrored by writer and reader. */
    private static final class Mru {
        private final byte[][] slots = new byte[SLOTS][];
        private int next;
        private byte[] last;
        private int lastCode = -1;

        void write(Bytes b, byte[] v) {
            if (v == null) {
                b.put(NULL);
                return;
            }
            if (v == last) {
                b.put(lastCode);
                return;
            }
            for (int s = 0; s < SLOTS; s++) {
                if (slots[s] == v) {
                    remember(v, s + 1);
                    b.put(s + 1);
                    return;
                }
            }
            for (int s = 0; s < SLOTS; s++) {
                if (slots[s] != null && Arrays.equals(slots[s], v)) {
                    remember(slots[s], s + 1);
                    b.put(s + 1);
                    return;
                }
            }
            b.put(LITERAL);
            b.varint(v.length);
            b.bytes(v);
            int s = next;
            slots[s] = v;
            next = (next + 1) % SLOTS;
            remember(v, s + 1);
        }

        private void remember(byte[] v, int code) {
            last = v;
            lastCode = code;
        }

        byte[] read(Cursor c, Utf8Pool pool, boolean intern) throws IOException {
            int code = c.get();
            if (code == NULL) {
                return null;
            }
            if (code <= SLOTS) {
                byte[] v = slots[code - 1];
                if (v == null) {
                    throw new IOException("corrupt run file: string slot " + code + " is empty");
                }
                return v;
            }
            if (code != LITERAL) {
                throw new IOException("corrupt run file: string code " + code);
            }
            int length = (int) c.varint();
            byte[] v = c.bytes(length);
            if (intern) {
                v = pool.intern(v);
            }
            slots[next] = v;
            next = (next + 1) % SLOTS;
            return v;
        }
    }

    /** A growable byte buffer with the few encodings the format uses. */
    private static final class Bytes {
        byte[] data = new byte[IO_BUFFER];
        int size;

        void clear() {
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > data.length) {
                data = Arrays.copyOf(data, Math.max(size + more, data.length * 2));
            }
        }

        void put(int b) {
            ensure(1);
            data[size++] = (byte) b;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                data[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            data[size++] = (byte) v;
        }

        void longBits(long v) {
            ensure(8);
            for (int i = 0; i < 8; i++) {
                data[size++] = (byte) (v >>> (8 * i));
            }
        }

        void bytes(byte[] v) {
            ensure(v.length);
            System.arraycopy(v, 0, data, size, v.length);
            size += v.length;
        }
    }

    private static final class Cursor {
        final byte[] data;
        final int limit;
        int pos;

        Cursor(byte[] data, int limit) {
            this.data = data;
            this.limit = limit;
        }

        int get() throws IOException {
            if (pos >= limit) {
                throw new EOFException("corrupt run file: block ends early");
            }
            return data[pos++] & 0xff;
        }

        long varint() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = get();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IOException("corrupt run file: varint too long");
        }

        long longBits() throws IOException {
            if (pos + 8 > limit) {
                throw new EOFException("corrupt run file: block ends early");
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (data[pos++] & 0xff) << (8 * i);
            }
            return v;
        }

        byte[] bytes(int length) throws IOException {
            if (length < 0 || pos + length > limit) {
                throw new EOFException("corrupt run file: string of " + length + " bytes past the block");
            }
            byte[] v = Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return v;
        }
    }
}
