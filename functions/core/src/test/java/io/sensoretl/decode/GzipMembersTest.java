package io.sensoretl.decode;

import static io.sensoretl.testing.TestBytes.concat;
import static io.sensoretl.testing.TestBytes.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Good gzip reads as the JDK's reader reads it; each kind of damage has its own reason and counts the lost bytes. */
class GzipMembersTest {

    /** A member with a name, a comment, an extra field and a header CRC, as some tools write them. */
    private static byte[] gzipWithAllHeaderFields(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3});
        out.writeBytes(new byte[] {4, 0, 'a', 'b', 'c', 'd'});
        out.writeBytes("dump.ndjson\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes("made by a test\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {0x12, 0x34});
        Deflater d = new Deflater(6, true);
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        CRC32 crc = new CRC32();
        crc.update(raw);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
            (byte) raw.length, (byte) (raw.length >> 8), (byte) (raw.length >> 16), (byte) (raw.length >> 24)});
        return out.toByteArray();
    }

    private static byte[] text(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"id\":\"s-").append(r.nextInt(100)).append("\",\"v\":").append(r.nextDouble()).append("}\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads through {@link GzipMembers} with small, odd reads; what was delivered before any damage is kept in {@code got}. */
    private static byte[] read(byte[] file, ByteArrayOutputStream got) throws IOException {
        try (InputStream in = new GzipMembers(new ByteArrayInputStream(file))) {
            byte[] buf = new byte[777];
            int n;
            while ((n = in.read(buf, 0, buf.length)) >= 0) {
                got.write(buf, 0, n);
            }
        }
        return got.toByteArray();
    }

    private static DamagedInputException damage(byte[] file, ByteArrayOutputStream got) {
        try {
            read(file, got);
        } catch (DamagedInputException e) {
            return e;
        } catch (IOException e) {
            throw new AssertionError("not a DamagedInputException", e);
        }
        throw new AssertionError("no damage reported");
    }

    @Test
    void membersOfAnySizeAndHeaderShapeReadBackExactly() throws IOException {
        byte[] a = text(20_000, 1);
        byte[] b = text(3, 2);
        byte[] c = new byte[0];
        byte[] file = concat(gzip(a), gzipWithAllHeaderFields(b), gzip(c), gzip(a));
        assertThat(read(file, new ByteArrayOutputStream())).isEqualTo(concat(a, b, c, a));
    }

    @Test
    void aFileCutAnywhereIsTruncatedNeverCorruptAndKeepsWhatCameBefore() throws IOException {
        byte[] data = text(3000, 3);
        byte[] whole = concat(gzip(data), gzip(data));
        for (int cut = 1; cut < whole.length; cut += 97) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] file = Arrays.copyOf(whole, cut);
            if (cut == whole.length / 2) {
                continue; // exactly between the two members: a complete file
            }
            DamagedInputException e = damage(file, got);
            assertThat(e.reason()).as("cut at %d", cut).isEqualTo(RejectReason.TRUNCATED_INPUT);
            byte[] prefix = got.toByteArray();
            assertThat(prefix).isEqualTo(Arrays.copyOf(concat(data, data), prefix.length));
        }
    }

    @Test
    void bytesAfterTheLastMemberAreTrailingGarbageAndCounted() throws IOException {
        byte[] data = text(500, 4);
        byte[] member = gzip(data);
        for (byte[] garbage : new byte[][] {{0}, new byte[1000], "junk".getBytes(StandardCharsets.UTF_8), {0x1f}, {0x1f, 0x00}}) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            DamagedInputException e = damage(concat(member, garbage), got);
            assertThat(e.reason()).isEqualTo(RejectReason.TRAILING_GARBAGE);
            assertThat(e.getMessage()).contains(garbage.length + " bytes after the last gzip member")
                    .contains("from compressed offset " + member.length + " to " + (member.length + garbage.length));
            assertThat(got.toByteArray()).isEqualTo(data);
        }
    }

    @Test
    void aCrcOrLengthMismatchOrBadDeflateDataIsCorrupt() throws IOException {
        byte[] data = text(500, 5);
        byte[] good = gzip(data);

        byte[] crc = good.clone();
        crc[crc.length - 8] ^= 1;
        DamagedInputException e = damage(crc, new ByteArrayOutputStream());
        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT_INPUT);
        assertThat(e.getMessage()).contains("CRC-32").contains("gzip member 1");

        byte[] size = good.clone();
        size[size.length - 4] ^= 1;
        assertThat(damage(size, new ByteArrayOutputStream()).getMessage()).contains("its trailer says");

        byte[] blockType = concat(good, good);
        blockType[good.length + 10] = 0x07; // second member, first block: reserved block type 3
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        DamagedInputException bad = damage(blockType, got);
        assertThat(bad.reason()).isEqualTo(RejectReason.CORRUPT_INPUT);
        assertThat(bad.getMessage()).contains("gzip member 2 (from compressed offset " + good.length + ")")
                .contains("invalid block type");
        assertThat(got.toByteArray()).isEqualTo(data);

        byte[] method = concat(good, good);
        method[good.length + 2] = 7;
        assertThat(damage(method, new ByteArrayOutputStream()).getMessage()).contains("unknown compression method 7");
    }

    @Test
    void theLostBytesAreCountedToTheEndOfTheFile() throws IOException {
        byte[] member = gzip(text(5000, 6));
        byte[] file = concat(member, member, member);
        int at = member.length + member.length / 2;
        file[at] ^= (byte) 0xFF;
        DamagedInputException e = damage(file, new ByteArrayOutputStream());
        assertThat(e.reason()).isIn(RejectReason.CORRUPT_INPUT, RejectReason.TRUNCATED_INPUT);
        // the message names an offset X and the bytes from X to the end: they add up to the file's size
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at or before compressed offset (\\d+); the (\\d+) compressed bytes")
                .matcher(e.getMessage());
        assertThat(m.find()).as(e.getMessage()).isTrue();
        assertThat(Long.parseLong(m.group(1)) + Long.parseLong(m.group(2))).isEqualTo(file.length);
        assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(member.length);
    }

    /** Stored (uncompressed) deflate blocks: a changed byte changes exactly one byte of data, and only the CRC-32 tells. */
    static byte[] gzipStored(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void aMemberThatDecodesToWrongBytesIsCaughtByItsCrcAndNothingOfItCountsAsIntact() throws IOException {
        byte[] a = text(100, 9);
        byte[] b = text(100, 10);
        byte[] second = gzipStored(b);
        int digit = 0;
        while (second[digit] != '7') {
            digit++;
        }
        second[digit] = '8';
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        DamagedInputException e = damage(concat(gzip(a), second), got);
        assertThat(e.reason()).isEqualTo(RejectReason.CORRUPT_INPUT);
        assertThat(e.getMessage()).contains("CRC-32");
        assertThat(got.size()).as("the wrong data was delivered before the trailer").isEqualTo(a.length + b.length);
        assertThat(e.intactBytes()).isEqualTo(a.length);
    }
}
