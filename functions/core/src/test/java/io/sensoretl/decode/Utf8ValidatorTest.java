package io.sensoretl.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.reading.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The validator accepts exactly what the JDK's strict UTF-8 decoder accepts (the JDK follows the
 * Unicode standard's table of well-formed sequences), for every sequence of up to three bytes, every
 * four-byte lead and second byte, and random byte strings; its fast ASCII loop finds a bad byte at
 * any position.
 */
class Utf8ValidatorTest {
    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private boolean jdkAccepts(byte[] b, int length) {
        try {
            jdk.reset().decode(ByteBuffer.wrap(b, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void agrees(byte[] b, int length) {
        boolean ours = Utf8Validator.isValid(b, 0, length);
        if (ours != jdkAccepts(b, length)) {
            throw new AssertionError("validator says " + ours + " for " + HexFormat.ofDelimiter(" ").formatHex(b, 0, length));
        }
    }

    @Test
    void everySequenceOfUpToThreeBytesIsJudgedAsTheJdkJudgesIt() {
        byte[] b = new byte[3];
        for (int x = 0; x < 256; x++) {
            b[0] = (byte) x;
            agrees(b, 1);
            for (int y = 0; y < 256; y++) {
                b[1] = (byte) y;
                agrees(b, 2);
                if (x >= 0xC0) { // the only leads for which a third byte can matter
                    for (int z = 0; z < 256; z++) {
                        b[2] = (byte) z;
                        agrees(b, 3);
                    }
                }
            }
        }
    }

    @Test
    void everyFourByteLeadAndSecondByteIsJudgedAsTheJdkJudgesIt() {
        int[] tails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF};
        byte[] b = new byte[4];
        for (int x = 0xF0; x < 0x100; x++) {
            for (int y = 0; y < 256; y++) {
                for (int z : tails) {
                    for (int w : tails) {
                        b[0] = (byte) x;
                        b[1] = (byte) y;
                        b[2] = (byte) z;
                        b[3] = (byte) w;
                        agrees(b, 4);
                    }
                }
            }
        }
    }

    @Test
    void randomTextWithRandomDamageIsJudgedAsTheJdkJudgesIt() {
        SplittableRandom r = new SplittableRandom(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder();
            int n = r.nextInt(40);
            for (int i = 0; i < n; i++) {
                int cp = switch (r.nextInt(4)) {
                    case 0 -> 0x20 + r.nextInt(0x5F);
                    case 1 -> 0x80 + r.nextInt(0x780);
                    case 2 -> 0x800 + r.nextInt(0xD000);
                    default -> 0x10000 + r.nextInt(0x100000);
                };
                if (!Character.isSurrogate((char) cp) || cp > 0xFFFF) {
                    s.appendCodePoint(cp);
                }
            }
            byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
            if (b.length > 0 && r.nextBoolean()) {
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
            }
            agrees(b, b.length);
        }
    }

    @Test
    void theAsciiFastLoopFindsABadByteAtEveryPosition() {
        for (int len = 1; len < 40; len++) {
            for (int at = 0; at < len; at++) {
                byte[] b = "x".repeat(len).getBytes(StandardCharsets.US_ASCII);
                b[at] = (byte) 0xC0;
                assertThat(Utf8Validator.firstInvalid(b, 0, len)).isEqualTo(at);
                assertThat(Utf8Validator.firstInvalid(b, 0, at)).isEqualTo(-1);
            }
        }
    }

    @Test
    void theRejectNamesTheSequenceAndWhyItIsIllFormed() {
        assertThat(reject("2f 2f c0 af")).isEqualTo("not valid UTF-8: overlong encoding C0 AF of U+002F (2 bytes for a "
                + "character that needs 1) at byte 2 of the record");
        assertThat(reject("e0 80 af")).contains("overlong encoding E0 80 AF of U+002F");
        assertThat(reject("ed a0 80")).contains("UTF-16 surrogate U+D800");
        assertThat(reject("f4 90 80 80")).contains("U+110000, beyond the last code point U+10FFFF");
        assertThat(reject("41 e2 82")).contains("truncated sequence E2 82").contains("at byte 1");
        assertThat(reject("e2 82 41")).contains("truncated sequence E2 82");
        assertThat(reject("80")).contains("continuation byte 0x80 without a lead byte");
        assertThat(reject("fe")).contains("byte 0xFE never occurs in UTF-8");
        assertThat(reject("c0 41")).contains("byte 0xC0 never occurs in UTF-8");
    }

    private static String reject(String hex) {
        byte[] b = HexFormat.ofDelimiter(" ").parseHex(hex);
        try {
            Utf8Validator.check(b, b.length);
            throw new AssertionError("accepted " + hex);
        } catch (FieldError e) {
            assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING);
            return e.getMessage();
        }
    }

    // ---- the stream form, for whole documents -------------------------------------------------------

    /** Hands out at most {@code step} bytes per read, so sequences straddle reads. */
    private static InputStream trickle(byte[] b, int step) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] out, int off, int len) {
                return super.read(out, off, Math.min(len, step));
            }
        };
    }

    private static byte[] readAll(InputStream in, ByteArrayOutputStream got) throws IOException {
        byte[] buf = new byte[7];
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            got.write(buf, 0, n);
        }
        return got.toByteArray();
    }

    @Test
    void theCheckingStreamPassesValidTextThroughWhateverTheReadSizes() throws IOException {
        byte[] text = "añ€😀x".repeat(5000).getBytes(StandardCharsets.UTF_8);
        for (int step : new int[] {1, 2, 3, 5, 64 * 1024 + 1}) {
            assertThat(readAll(new Utf8CheckingInputStream(trickle(text, step)), new ByteArrayOutputStream())).isEqualTo(text);
        }
    }

    @Test
    void theCheckingStreamDeliversEverythingBeforeTheBadSequenceThenNamesItsOffset() {
        byte[] good = "é€".repeat(30_000).getBytes(StandardCharsets.UTF_8);
        byte[] text = new byte[good.length + 10];
        System.arraycopy(good, 0, text, 0, good.length);
        text[good.length] = (byte) 0xC0;
        text[good.length + 1] = (byte) 0xAF;
        for (int step : new int[] {1, 3, 1000, 1 << 20}) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertThatThrownBy(() -> readAll(new Utf8CheckingInputStream(trickle(text, step)), got))
                    .isInstanceOfSatisfying(DamagedInputException.class, e -> {
                        assertThat(e.reason()).isEqualTo(RejectReason.INVALID_ENCODING);
                        assertThat(e.getMessage()).contains("overlong encoding C0 AF").contains("at offset " + good.length);
                    });
            assertThat(got.toByteArray()).isEqualTo(good);
        }
    }

    @Test
    void aSequenceCutByTheEndOfTheStreamIsTruncated() {
        byte[] text = {'a', 'b', (byte) 0xE2, (byte) 0x82};
        assertThatThrownBy(() -> readAll(new Utf8CheckingInputStream(trickle(text, 1)), new ByteArrayOutputStream()))
                .isInstanceOf(DamagedInputException.class).hasMessageContaining("truncated sequence E2 82")
                .hasMessageContaining("at offset 2");
    }
}
